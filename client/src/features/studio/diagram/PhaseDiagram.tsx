/**
 * The phase statechart diagram with injects on it: nested phases as boxes holding their sub-phases, transitions as
 * arrows with their condition in short words, time-outs dashed, endings as terminal nodes, and each phase's injects
 * on its time axis (timed) or as markers (conditional, held). Laid out in the page (layout.ts), drawn as SVG, fit to
 * the width or zoomed and panned; a text outline says the same for screen readers and for reading.
 * Reads the draft's parse; while the text has errors it shows the last valid version, marked.
 */
import type { Condition, Phase, Scenario } from '@parley/shared/scenario/schema.ts';
import { type PointerEvent as ReactPointerEvent, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clip, conditionText, phaseTitles, type Translate, translator, triggerText } from './conditionText.ts';
import {
  AXIS_INSET,
  AXIS_Y,
  type DiagramEdge,
  type DiagramLayout,
  type EndingBox,
  type InjectMark,
  layoutDiagram,
  type PhaseBox,
  plannedWindows,
} from './layout.ts';
import { type TextOf, useLastValid, useScenarioText } from './useLastValid.ts';
import './diagram.css';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2];

export function PhaseDiagram() {
  const { t: i18nT } = useTranslation();
  const t = useMemo(() => translator(i18nT), [i18nT]);
  const { scenario, stale } = useLastValid();
  const text = useScenarioText(scenario);
  const layout = useMemo(() => (scenario ? layoutDiagram(scenario) : null), [scenario]);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const headingId = useId();

  return (
    <section className="panel sd" data-testid="studio.phaseDiagram" aria-labelledby={headingId}>
      <div className="panel__head sd__head">
        <h2 className="panel__title" id={headingId}>
          {t('studio.diagram.title')}
        </h2>
        {layout && <ZoomControls zoom={zoom} setZoom={setZoom} />}
      </div>
      {stale && scenario && (
        <p className="sd__stale" role="status" data-testid="studio.diagram.stale">
          {t('studio.diagram.stale')}
        </p>
      )}
      {!scenario || !layout ? (
        <p className="muted">{t('studio.diagram.empty')}</p>
      ) : (
        <>
          <Legend />
          <Canvas layout={layout} scenario={scenario} text={text} t={t} zoom={zoom} />
          <Outline scenario={scenario} layout={layout} text={text} t={t} />
        </>
      )}
    </section>
  );
}

function ZoomControls({ zoom, setZoom }: { zoom: number | 'fit'; setZoom: (z: number | 'fit') => void }) {
  const { t } = useTranslation();
  const current = zoom === 'fit' ? 1 : zoom;
  const step = (dir: 1 | -1) => {
    const i = ZOOMS.findIndex((z) => z >= current);
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, (i < 0 ? ZOOMS.length - 1 : i) + dir))] ?? 1;
    setZoom(next);
  };
  return (
    <fieldset className="sd__zoom">
      <legend className="visually-hidden">{t('studio.diagram.zoom')}</legend>
      <button
        type="button"
        className="button"
        aria-pressed={zoom === 'fit'}
        onClick={() => setZoom('fit')}
        data-testid="studio.diagram.fit"
      >
        {t('studio.diagram.fit')}
      </button>
      <button type="button" className="button" onClick={() => step(-1)} aria-label={t('studio.diagram.zoomOut')}>
        −
      </button>
      <output className="sd__zoom-value" aria-live="polite">
        {zoom === 'fit' ? t('studio.diagram.fitted') : `${Math.round(zoom * 100)} %`}
      </output>
      <button type="button" className="button" onClick={() => step(1)} aria-label={t('studio.diagram.zoomIn')}>
        +
      </button>
    </fieldset>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="sd__legend">
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" className="sd-mark sd-mark--timed" />
        </svg>
        {t('studio.diagram.legend.timed')}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <circle cx="7" cy="7" r="5" className="sd-mark sd-mark--onEnter" />
        </svg>
        {t('studio.diagram.legend.onEnter')}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <path d="M7 1 L13 7 L7 13 L1 7 Z" className="sd-mark sd-mark--conditional" />
        </svg>
        {t('studio.diagram.legend.conditional')}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <rect x="2" y="2" width="10" height="10" className="sd-mark sd-mark--manual" />
        </svg>
        {t('studio.diagram.legend.manual')}
      </li>
      <li>
        <svg width="28" height="14" aria-hidden="true">
          <line x1="1" y1="7" x2="27" y2="7" className="sd-edge sd-edge--timeout" />
        </svg>
        {t('studio.diagram.legend.timeout')}
      </li>
    </ul>
  );
}

/** Drag to pan the scrolling canvas. */
function usePan() {
  const ref = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = ref.current;
    if (!el || e.button !== 0 || e.pointerType === 'touch') return;
    drag.current = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const el = ref.current;
    const d = drag.current;
    if (!el || !d) return;
    el.scrollLeft = d.left - (e.clientX - d.x);
    el.scrollTop = d.top - (e.clientY - d.y);
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  return { ref, onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp };
}

function Canvas({
  layout,
  scenario,
  text,
  t,
  zoom,
}: {
  layout: DiagramLayout;
  scenario: Scenario;
  text: TextOf;
  t: Translate;
  zoom: number | 'fit';
}) {
  const titleId = useId();
  const descId = useId();
  const arrowId = useId().replace(/:/g, '');
  const pan = usePan();
  const phaseTitle = phaseTitles(scenario, text);
  const describe = (c: Condition) => conditionText(c, scenario, text, t);
  const endingTitle = (id: string) => text(scenario.endings.find((e) => e.id === id)?.title) || id;
  const phaseCount = layout.phases.length;
  const edgeLabel = (e: DiagramEdge): string => {
    if (e.kind === 'timeout') {
      const minutes = layout.phases.find((p) => p.id === e.from)?.phase.timebox ?? 0;
      return t('studio.diagram.timeout', { minutes });
    }
    const tr = layout.phases.find((p) => p.id === e.from)?.phase.transitions[e.index];
    if (!tr) return '';
    return tr.label !== undefined ? text(tr.label) : conditionText(tr.when, scenario, text, t);
  };
  // The canvas: the layout, widened for arrow labels that run past its edges.
  let lo = 0;
  let hi = layout.width;
  for (const e of layout.edges) {
    const w = clip(edgeLabel(e), 30).length * 6.3 + 12;
    lo = Math.min(lo, e.labelSide === 'start' ? e.label.x : e.label.x - w);
    hi = Math.max(hi, e.labelSide === 'start' ? e.label.x + w : e.label.x);
  }
  const box = { x: lo - 4, w: hi - lo + 8 };
  const style =
    zoom === 'fit' ? { width: '100%', height: 'auto' } : { width: box.w * zoom, height: layout.height * zoom };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to scroll by keyboard
    <section className="sd__canvas" data-zoom={zoom} tabIndex={0} aria-label={t('studio.diagram.canvas')} {...pan}>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`${box.x} 0 ${box.w} ${layout.height}`}
        preserveAspectRatio="xMidYMin meet"
        style={style}
        className="sd__svg"
        data-testid="studio.diagram.svg"
      >
        <title id={titleId}>{t('studio.diagram.svgTitle', { title: text(scenario.title) })}</title>
        <desc id={descId}>
          {t('studio.diagram.svgDesc', {
            phases: phaseCount,
            endings: layout.endings.length,
            injects: layout.marks.length,
          })}
        </desc>
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="8"
            markerHeight="8"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L10 5 L0 10 z" className="sd-arrowhead" />
          </marker>
        </defs>
        {layout.free && (
          <g className="sd-free" data-testid="studio.diagram.free">
            <rect
              x={layout.free.x}
              y={layout.free.y}
              width={layout.free.w}
              height={layout.free.h}
              rx="6"
              className="sd-free__box"
            />
            <text x={layout.free.x + 12} y={layout.free.y + 20} className="sd-box__meta">
              {t('studio.diagram.free')}
            </text>
            <Axis track={layout.free.track} start={0} end={layout.free.span} />
          </g>
        )}
        {[...layout.phases]
          .sort((a, b) => a.depth - b.depth)
          .map((box) => (
            <PhaseNode key={box.id} box={box} title={phaseTitle(box.id)} t={t} />
          ))}
        {layout.starts.map((s) => (
          <g key={`${s.from.x}:${s.from.y}`} className="sd-start">
            <circle cx={s.from.x} cy={s.from.y} r="5" />
            <line x1={s.from.x} y1={s.from.y + 5} x2={s.to.x} y2={s.to.y - 1} markerEnd={`url(#${arrowId})`} />
          </g>
        ))}
        {layout.endings.map((e) => (
          <EndingNode
            key={e.id}
            box={e}
            title={endingTitle(e.id)}
            tone={scenario.endings[e.index]?.tone ?? 'mixed'}
            t={t}
          />
        ))}
        {layout.edges.map((e) => (
          <Edge key={e.key} edge={e} label={edgeLabel(e)} arrowId={arrowId} />
        ))}
        {layout.marks.map((m) => (
          <Mark
            key={m.id}
            mark={m}
            title={`${text(m.inject.title)} — ${triggerText(m.inject, t, phaseTitle, describe)}`}
          />
        ))}
      </svg>
    </section>
  );
}

function Axis({ track, start, end }: { track: PhaseBox['track']; start: number | null; end: number | null }) {
  if (!track) return null;
  const y = track.y + AXIS_Y;
  const x0 = track.x + AXIS_INSET;
  const x1 = track.x + track.w - AXIS_INSET;
  return (
    <g className="sd-axis">
      <line x1={x0} y1={y} x2={x1} y2={y} />
      <line x1={x0} y1={y - 4} x2={x0} y2={y + 4} />
      <line x1={x1} y1={y - 4} x2={x1} y2={y + 4} />
      <text x={x0 - 6} y={y + 4} textAnchor="end">
        {start === null ? '?' : `${start}′`}
      </text>
      <text x={x1 + 6} y={y + 4} textAnchor="start">
        {end === null ? '…' : `${end}′`}
      </text>
    </g>
  );
}

function PhaseNode({ box, title, t }: { box: PhaseBox; title: string; t: Translate }) {
  const p = box.phase;
  const maxChars = Math.floor((box.w - 24) / 8);
  const meta =
    p.timebox === undefined
      ? t('studio.diagram.noTimebox')
      : p.onTimeout
        ? t('studio.diagram.timebox', { minutes: p.timebox })
        : t('studio.diagram.timeboxAdvisory', { minutes: p.timebox });
  return (
    <g
      className={`sd-box ${box.compound ? 'sd-box--compound' : ''}`}
      data-testid={`studio.diagram.phase.${box.id}`}
      data-phase={box.id}
    >
      <title>{title}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx="6" className="sd-box__rect" />
      <text x={box.x + 12} y={box.y + 22} className="sd-box__title">
        {clip(title, maxChars)}
      </text>
      <text x={box.x + 12} y={box.y + 41} className="sd-box__meta">
        {clip(meta, Math.floor((box.w - 24) / 6.5))}
      </text>
      {box.track && <Axis track={box.track} start={box.window?.start ?? null} end={box.window?.end ?? null} />}
    </g>
  );
}

function EndingNode({ box, title, tone, t }: { box: EndingBox; title: string; tone: string; t: Translate }) {
  return (
    <g className={`sd-ending sd-ending--${tone}`} data-testid={`studio.diagram.ending.${box.id}`} data-ending={box.id}>
      <title>{title}</title>
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx="22" className="sd-ending__outer" />
      <rect x={box.x + 4} y={box.y + 4} width={box.w - 8} height={box.h - 8} rx="18" className="sd-ending__inner" />
      <text x={box.x + box.w / 2} y={box.y + 26} textAnchor="middle" className="sd-ending__eyebrow">
        {t('studio.diagram.ending')}
      </text>
      <text x={box.x + box.w / 2} y={box.y + 45} textAnchor="middle" className="sd-ending__title">
        {clip(title, 22)}
      </text>
    </g>
  );
}

function Edge({ edge, label, arrowId }: { edge: DiagramEdge; label: string; arrowId: string }) {
  const [a, b, c, d] = edge.path;
  const short = clip(label, 30);
  const w = short.length * 6.3 + 12;
  const x = edge.labelSide === 'start' ? edge.label.x : edge.label.x - w;
  return (
    <g className={`sd-edge-group sd-edge-group--${edge.kind}`} data-edge={edge.key}>
      <title>{label}</title>
      <path
        d={`M${a.x} ${a.y} C${b.x} ${b.y} ${c.x} ${c.y} ${d.x} ${d.y}`}
        className={`sd-edge sd-edge--${edge.kind}`}
        markerEnd={`url(#${arrowId})`}
      />
      {short && (
        <>
          <rect x={x} y={edge.label.y - 9} width={w} height="18" rx="4" className="sd-edge__label-bg" />
          <text x={x + w / 2} y={edge.label.y + 4} textAnchor="middle" className="sd-edge__label">
            {short}
          </text>
        </>
      )}
    </g>
  );
}

function Mark({ mark, title }: { mark: InjectMark; title: string }) {
  const { x, y } = mark;
  const cls = `sd-mark sd-mark--${mark.kind}`;
  return (
    <g data-inject={mark.id}>
      <title>{title}</title>
      {mark.kind === 'conditional' ? (
        <path d={`M${x} ${y - 6} L${x + 6} ${y} L${x} ${y + 6} L${x - 6} ${y} Z`} className={cls} />
      ) : mark.kind === 'manual' ? (
        <rect x={x - 5} y={y - 5} width="10" height="10" className={cls} />
      ) : (
        <circle cx={x} cy={y} r="5" className={cls} />
      )}
    </g>
  );
}

// ─── The text outline ──────────────────────────────────────────────────────────────────────────────────────────────

function Outline({
  scenario,
  layout,
  text,
  t,
}: {
  scenario: Scenario;
  layout: DiagramLayout;
  text: TextOf;
  t: Translate;
}) {
  const windows = useMemo(() => plannedWindows(scenario), [scenario]);
  const phaseTitle = phaseTitles(scenario, text);
  const describe = (c: Condition) => conditionText(c, scenario, text, t);
  const endingTitle = (id: string) => text(scenario.endings.find((e) => e.id === id)?.title) || id;
  const injectsOn = (host: string | null) => layout.marks.filter((m) => m.host === host);
  const injectLine = (m: InjectMark) => (
    <li key={m.id}>
      {text(m.inject.title)} <span className="muted">— {triggerText(m.inject, t, phaseTitle, describe)}</span>
    </li>
  );
  const renderPhase = (p: Phase) => {
    const w = windows.get(p.id);
    const ways = [
      ...p.transitions.map((tr, i) => {
        const target =
          tr.to !== undefined
            ? phaseTitle(tr.to)
            : t('studio.diagram.outline.ending', { title: endingTitle(tr.end ?? '') });
        const why = tr.label !== undefined ? text(tr.label) : conditionText(tr.when, scenario, text, t);
        // biome-ignore lint/suspicious/noArrayIndexKey: transitions of one phase, in document order
        return <li key={i}>{t('studio.diagram.outline.goes', { target, why })}</li>;
      }),
      ...(p.onTimeout && p.timebox !== undefined
        ? [
            <li key="timeout">
              {t('studio.diagram.outline.timeout', {
                minutes: p.timebox,
                target:
                  p.onTimeout.to !== undefined
                    ? phaseTitle(p.onTimeout.to)
                    : t('studio.diagram.outline.ending', { title: endingTitle(p.onTimeout.end ?? '') }),
              })}
            </li>,
          ]
        : []),
    ];
    const injects = injectsOn(p.id);
    return (
      <li key={p.id} data-outline-phase={p.id}>
        <strong>{phaseTitle(p.id)}</strong>{' '}
        <span className="muted">
          {p.timebox !== undefined
            ? t('studio.diagram.timebox', { minutes: p.timebox })
            : t('studio.diagram.noTimebox')}
          {w ? ` · ${t('studio.diagram.outline.planned', { start: w.start, end: w.end ?? '…' })}` : ''}
        </span>
        {ways.length > 0 ? (
          <ul className="sd-outline__ways">{ways}</ul>
        ) : (
          <p className="muted sd-outline__none">{t('studio.diagram.outline.noWayOut')}</p>
        )}
        {injects.length > 0 && (
          <>
            <p className="sd-outline__label">{t('studio.diagram.outline.injects', { count: injects.length })}</p>
            <ul className="sd-outline__injects">{injects.map(injectLine)}</ul>
          </>
        )}
        {p.phases.length > 0 && <ol className="sd-outline__phases">{p.phases.map(renderPhase)}</ol>}
      </li>
    );
  };
  const free = injectsOn(null);
  return (
    <details className="sd-outline" data-testid="studio.diagram.outline">
      <summary>{t('studio.diagram.outline.title')}</summary>
      <ol className="sd-outline__phases">{scenario.phases.map(renderPhase)}</ol>
      <p className="sd-outline__label">{t('studio.diagram.outline.endings')}</p>
      <ul>
        {scenario.endings.map((e) => (
          <li key={e.id}>{text(e.title)}</li>
        ))}
      </ul>
      {free.length > 0 && (
        <>
          <p className="sd-outline__label">{t('studio.diagram.free')}</p>
          <ul className="sd-outline__injects">{free.map(injectLine)}</ul>
        </>
      )}
    </details>
  );
}
