import { useLayoutEffect, useRef } from 'react';

/**
 * A <dialog> shown modally while its component is mounted: opened on mount with focus on `initialFocus` (the
 * safe choice, such as Cancel), closed on unmount, and focus given back to the element that had it (the button
 * that opened it), also when the dialog leaves the page with its component.
 */
export function useModalDialog<F extends HTMLElement>() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const initialFocus = useRef<F>(null);
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    initialFocus.current?.focus();
    return () => {
      dialog?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return { dialogRef, initialFocus };
}
