import { Fragment, useMemo } from 'react';
import { parseMarkdown, type Span } from './markdown.ts';

function Spans({ spans }: { readonly spans: readonly Span[] }) {
  return spans.map((s, i) => {
    const key = `${i}:${s.kind}`;
    if (s.kind === 'strong') return <strong key={key}>{s.text}</strong>;
    if (s.kind === 'em') return <em key={key}>{s.text}</em>;
    if (s.kind === 'code') return <code key={key}>{s.text}</code>;
    return <Fragment key={key}>{s.text}</Fragment>;
  });
}

function Lines({ lines }: { readonly lines: readonly (readonly Span[])[] }) {
  return lines.map((line, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of a static text, never reordered
    <Fragment key={i}>
      {i > 0 && <br />}
      <Spans spans={line} />
    </Fragment>
  ));
}

/** Scenario text (briefings, inject bodies) with its light Markdown, rendered safely. */
export function Markdown({ source, className = 'prose' }: { readonly source: string; readonly className?: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <div className={className} dir="auto">
      {blocks.map((b, i) => {
        const key = `${i}:${b.kind}`;
        switch (b.kind) {
          case 'heading':
            return (
              <h3 key={key} className="prose__heading">
                <Spans spans={b.spans} />
              </h3>
            );
          case 'list': {
            const items = b.items.map((item, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items of a static text, never reordered
              <li key={j}>
                <Spans spans={item} />
              </li>
            ));
            return b.start === undefined ? (
              <ul key={key}>{items}</ul>
            ) : (
              <ol key={key} start={b.start}>
                {items}
              </ol>
            );
          }
          case 'quote':
            return (
              <blockquote key={key}>
                <Lines lines={b.lines} />
              </blockquote>
            );
          default:
            return (
              <p key={key}>
                <Lines lines={b.lines} />
              </p>
            );
        }
      })}
    </div>
  );
}
