/**
 * Never lose a trainer's text: while a document has unsaved changes, a copy is kept on this device (localStorage,
 * per document) with the version it was edited from; it is offered back when the document is opened again (after a
 * reload, a crash, a closed tab or leaving the page), and dropped once the text is saved or discarded.
 */

export type UnsavedCopy = {
  /** The version the text was edited from. */
  readonly baseVersion: number;
  readonly source: string;
  /** When it was last kept (ISO time). */
  readonly keptAt: string;
};

const key = (documentId: string) => `parley.studio.unsaved.${documentId}`;

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

export function readUnsaved(documentId: string, store: Storage | null = storage()): UnsavedCopy | null {
  try {
    const raw = store?.getItem(key(documentId));
    if (!raw) return null;
    const copy = JSON.parse(raw) as Partial<UnsavedCopy>;
    if (typeof copy.source !== 'string' || typeof copy.baseVersion !== 'number' || typeof copy.keptAt !== 'string')
      return null;
    return { baseVersion: copy.baseVersion, source: copy.source, keptAt: copy.keptAt };
  } catch {
    return null;
  }
}

export function keepUnsaved(
  documentId: string,
  copy: Omit<UnsavedCopy, 'keptAt'>,
  store: Storage | null = storage(),
  now = new Date(),
): void {
  try {
    store?.setItem(key(documentId), JSON.stringify({ ...copy, keptAt: now.toISOString() }));
  } catch {
    // Storage full or disabled: the copy in memory is all there is.
  }
}

export function dropUnsaved(documentId: string, store: Storage | null = storage()): void {
  try {
    store?.removeItem(key(documentId));
  } catch {
    // Nothing kept.
  }
}
