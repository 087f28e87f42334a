export interface Prefix {
  bytes: Uint8Array;
  /** True when the stream ended within the limit: `bytes` is the whole body. */
  complete: boolean;
}

/** Reads at most `maxBytes` from a stream, then cancels it so the rest is never downloaded. */
export async function readPrefix(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<Prefix> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    while (size < maxBytes) {
      const { done, value } = await reader.read();
      if (done) {
        complete = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    if (!complete) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
  const length = Math.min(size, maxBytes);
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.byteLength, length - offset);
    bytes.set(chunk.subarray(0, take), offset);
    offset += take;
    if (offset >= length) break;
  }
  return { bytes, complete: complete && size <= maxBytes };
}

/** Decodes a prefix; a multi-byte character cut at the end is dropped rather than shown as garbage. */
export function decodePrefix(prefix: Prefix, encoding = "utf-8"): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(prefix.bytes, { stream: !prefix.complete });
}
