"use client";

import { useEffect } from "react";
import { rememberModel } from "./last-model";

/** Records the model being viewed as the last used one (read by the picker). */
export function RememberModel(props: {
  workspaceId: string;
  modelId: string;
  modelName: string;
  workspaceName: string;
}) {
  const { workspaceId, modelId, modelName, workspaceName } = props;
  useEffect(() => {
    rememberModel({ workspaceId, modelId, modelName, workspaceName });
  }, [workspaceId, modelId, modelName, workspaceName]);
  return null;
}
