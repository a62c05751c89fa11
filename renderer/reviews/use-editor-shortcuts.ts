import { useEffect, useRef } from 'react';

export interface EditorShortcutHandlers {
  /** 1–5 (the scale's scores); absent when the ratings are read-only. */
  score?: (score: number) => void;
  /** N: not rated, with a reason; absent when read-only. */
  notRated?: () => void;
  /** ArrowDown / J: +1, ArrowUp / K: -1. */
  move: (delta: 1 | -1) => void;
}

const NOT_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset', 'image', 'range', 'color']);

/** Typing goes to the field: no shortcut fires in a text box, a text area, a select or editable content. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT_INPUTS.has(target.type);
}

/**
 * The editor's keyboard: digits score the current item, N opens "not rated", arrows or J/K move between items.
 * Keys with Ctrl, Alt or Meta are left to the browser, and nothing fires while a dialog is open. ArrowUp and
 * ArrowDown also move between items when an anchor radio has focus (Left and Right still move between anchors).
 */
export function useEditorShortcuts(handlers: EditorShortcutHandlers, scoreRange: { min: number; max: number }) {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const { score, notRated, move } = handlersRef.current;
      const key = event.key;
      if (/^[0-9]$/.test(key)) {
        const value = Number(key);
        if (!score || value < scoreRange.min || value > scoreRange.max) return;
        event.preventDefault();
        score(value);
      } else if (key === 'n' || key === 'N') {
        if (!notRated) return;
        event.preventDefault();
        notRated();
      } else if (key === 'ArrowDown' || key === 'j' || key === 'J') {
        event.preventDefault();
        move(1);
      } else if (key === 'ArrowUp' || key === 'k' || key === 'K') {
        event.preventDefault();
        move(-1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scoreRange.min, scoreRange.max]);
}
