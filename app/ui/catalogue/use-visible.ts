"use client";

import { useEffect, useRef, useState } from "react";

type OnSeen = () => void;
const waiting = new Map<Element, OnSeen>();
let observer: IntersectionObserver | null = null;

/** One observer for every row: fifty rows mounting at once on a keystroke should not build fifty observers. */
function watch(el: Element, onSeen: OnSeen): () => void {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        waiting.get(entry.target)?.();
        waiting.delete(entry.target);
        observer?.unobserve(entry.target);
      }
    },
    { rootMargin: "200px 0px" },
  );
  waiting.set(el, onSeen);
  observer.observe(el);
  return () => {
    waiting.delete(el);
    observer?.unobserve(el);
  };
}

/** True once the element has come near the viewport (it stays true: metadata is fetched once and cached). */
export function useSeen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    if (typeof IntersectionObserver === "undefined") {
      const t = setTimeout(() => setSeen(true), 0);
      return () => clearTimeout(t);
    }
    return watch(el, () => setSeen(true));
  }, [seen]);
  return [ref, seen];
}
