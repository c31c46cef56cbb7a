/**
 * Turning a scenario file's raw bytes into text, refusing what is not a scenario before any parsing: files above
 * the size limit, binary files (NUL bytes), UTF-16 and anything that is not valid UTF-8.
 */

export const MAX_SCENARIO_BYTES = 512 * 1024;

export type Position = { line: number; column: number };
export type Decoded = { ok: true; text: string } | { ok: false; message: string; position: Position };

const START: Position = { line: 1, column: 1 };

/** `3.0 MiB`, `512 KiB`, `12 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}

/** The message for a file over the size limit, or undefined when it fits. */
export function sizeProblem(bytes: number): string | undefined {
  if (bytes <= MAX_SCENARIO_BYTES) return undefined;
  return `the file is ${formatSize(bytes)}; a scenario file may be at most ${formatSize(MAX_SCENARIO_BYTES)}`;
}

/** Line and column (1-based) of a character offset in text. */
export function positionIn(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** UTF-8 length of a string, stopping early once it is known to exceed `limit`. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function binary(text: string, offset: number): Decoded {
  return {
    ok: false,
    message: 'the file contains a NUL byte: it looks like a binary file, not a YAML scenario',
    position: positionIn(text, offset),
  };
}

/** Decodes and screens a scenario file (bytes as read from disk, or text already decoded). */
export function decodeScenarioInput(input: string | Uint8Array): Decoded {
  if (typeof input === 'string') {
    const size = input.length > MAX_SCENARIO_BYTES ? input.length : utf8Length(input, MAX_SCENARIO_BYTES);
    const tooLarge = sizeProblem(size);
    if (tooLarge !== undefined) return { ok: false, message: tooLarge, position: START };
    const nul = input.indexOf('\0');
    return nul === -1 ? { ok: true, text: input } : binary(input, nul);
  }
  const tooLarge = sizeProblem(input.byteLength);
  if (tooLarge !== undefined) return { ok: false, message: tooLarge, position: START };
  if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
    return { ok: false, message: 'the file is UTF-16 text; save it as UTF-8', position: START };
  }
  const nul = input.indexOf(0);
  if (nul !== -1) {
    const before = new TextDecoder('utf-8').decode(input.subarray(0, nul));
    return binary(before, before.length);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(input);
    const bad = Math.max(0, lenient.indexOf('\uFFFD'));
    return {
      ok: false,
      message: 'the file is not valid UTF-8 text (a binary file, or text in another encoding); save it as UTF-8',
      position: positionIn(lenient, bad),
    };
  }
}
