/**
 * Passes a stream through chunk by chunk (pull-based, so back-pressure and memory bounds are unchanged) and reports
 * once how many bytes went out and whether the stream ended normally or was cut off (cancelled or failed).
 */
export function countBytes(
  source: ReadableStream<Uint8Array>,
  done: (bytes: number, complete: boolean) => void,
): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let bytes = 0;
  let reported = false;
  const report = (complete: boolean) => {
    if (reported) return;
    reported = true;
    done(bytes, complete);
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          report(true);
          controller.close();
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (error) {
        report(false);
        controller.error(error);
      }
    },
    async cancel(reason) {
      report(false);
      await reader.cancel(reason);
    },
  });
}
