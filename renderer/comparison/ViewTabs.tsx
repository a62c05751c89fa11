import { useRef, type KeyboardEvent } from 'react';

export interface ViewTab {
  key: string;
  label: string;
}

/**
 * The views as an ARIA tab list: one tab in the tab order, arrow keys (and Home, End) move between tabs and show
 * the tab reached, as the WAI-ARIA tabs pattern with automatic activation describes.
 */
export function ViewTabs({ tabs, selected, onSelect, label, idPrefix }: { tabs: readonly ViewTab[]; selected: string; onSelect: (key: string) => void; label: string; idPrefix: string }) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const tab = tabs[target]!;
    onSelect(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="comparison-tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab.key}
          ref={(element) => {
            if (element) refs.current.set(tab.key, element);
            else refs.current.delete(tab.key);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.key}`}
          aria-selected={tab.key === selected}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={tab.key === selected ? 0 : -1}
          onClick={() => onSelect(tab.key)}
          onKeyDown={(event) => move(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
