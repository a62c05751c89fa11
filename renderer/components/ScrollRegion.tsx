import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './scroll-region.css';

interface ScrollRegionProps {
  /** What scrolls (the table's caption), the region's accessible name once it scrolls. */
  label: string;
  children: ReactNode;
}

/**
 * A wide table's sideways scroll container. Only when its content is wider than the window (issue 13: at 1024 px
 * tables scrolled without a sign) it becomes a named, keyboard-focusable region (arrow keys scroll it; WCAG 2.1.1)
 * with a visible edge shadow and a line saying that it scrolls.
 */
export function ScrollRegion({ label, children }: ScrollRegionProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrollable(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <div
        ref={ref}
        className={scrollable ? 'table-scroll is-scrollable' : 'table-scroll'}
        role={scrollable ? 'region' : undefined}
        aria-label={scrollable ? label : undefined}
        aria-describedby={scrollable ? hintId : undefined}
        tabIndex={scrollable ? 0 : undefined}
      >
        {children}
      </div>
      {scrollable && (
        <p id={hintId} className="scroll-hint">
          <span aria-hidden="true">{'↔'}</span> {t('app.scrollHint')}
        </p>
      )}
    </>
  );
}
