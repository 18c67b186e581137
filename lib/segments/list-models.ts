import { MODELS, MODEL_IDS, type ModelId, type SegmentationModel } from "../definitions/models";
import { DEFAULT_PLAYBOOK } from "../definitions/playbook";
import type { ModelList, ModelSummary } from "./list-models.types";

function summary(model: SegmentationModel<ModelId>): ModelSummary {
  return {
    id: model.id,
    name: model.name,
    description: model.description,
    defaultDefinition: model.defaultDefinition,
    // A saved-only model (clusters) has no segments until a definition is saved.
    segments: model.defaultDefinition === null ? [] : model.describeCriteria(model.defaultDefinition).map((entry) => ({ name: entry.segment, criteria: entry.criteria })),
  };
}

/** The segmentation models with their defaults, for the model picker, the API and the CLI's help. */
export function listModels(): ModelList {
  return {
    models: MODEL_IDS.map((id) => summary(MODELS[id] as SegmentationModel<ModelId>)),
    defaultPlaybook: { ...DEFAULT_PLAYBOOK },
  };
}
