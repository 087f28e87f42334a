"use client";

import { useEffect } from "react";
import { pickerKey } from "@/lib/shared/picker";
import { rememberModel } from "./last-model";

/** Records the model being viewed as the last used one, and when it was opened (read by the picker). */
export function RememberModel(props: {
  workspaceId: string;
  modelId: string;
  modelName: string;
  workspaceName: string;
}) {
  const { workspaceId, modelId, modelName, workspaceName } = props;
  useEffect(() => {
    rememberModel({ workspaceId, modelId, modelName, workspaceName }, pickerKey(workspaceId, modelId), Date.now());
  }, [workspaceId, modelId, modelName, workspaceName]);
  return null;
}
