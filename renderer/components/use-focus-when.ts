import { useEffect, useRef } from 'react';

/**
 * Moves focus to the element when `active` turns true: where a control that disappeared (a confirmation that was
 * answered) leaves the keyboard user, instead of the page's start. The element needs tabIndex -1 to take focus.
 */
export function useFocusWhen<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);
  return ref;
}
