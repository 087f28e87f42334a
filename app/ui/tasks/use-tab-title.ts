"use client";

import { useEffect } from "react";
import type { Task } from "@/lib/shared/types";
import { markedTitle, titleMark } from "@/lib/shared/title-mark";

/** Marks the tab title with the newest run's progress or ending, so a person in another tab sees it. */
export function useTabTitle(newest: Task | undefined, finishedAt: Record<string, number>): void {
  const mark = titleMark(newest, newest ? finishedAt[newest.taskId] !== undefined : false);
  useEffect(() => {
    document.title = markedTitle(document.title, mark);
    return () => {
      document.title = markedTitle(document.title, "");
    };
  }, [mark]);
}
