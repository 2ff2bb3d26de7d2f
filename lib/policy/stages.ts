import { UnknownStageError } from './errors.js';
import type { Policy, Stage } from './schema.js';

export function findStage(policy: Policy, stageId: string): Stage {
  const stage = policy.stages.find((candidate) => candidate.id === stageId);
  if (!stage)
    throw new UnknownStageError(
      policy.id,
      stageId,
      policy.stages.map((s) => s.id),
    );
  return stage;
}

/** The position of a stage in the policy's ladder: higher means further escalated. */
export function stageRank(policy: Policy, stageId: string): number {
  return policy.stages.indexOf(findStage(policy, stageId));
}

/** "Stage 3 Team/Service Manager", "Step 2 Line managers": in the policy's own word. */
export function stageTitle(policy: Policy, stage: Stage): string {
  const word = policy.vocabulary.stageWords[0] ?? 'stage';
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${stage.id} ${stage.name}`;
}

/** Every role the policy gives a stage: those of its table, then those it places there elsewhere (`also`). */
export function roleNamesOf(stage: Stage): string[] {
  return [...(stage.roles?.names ?? []), ...(stage.roles?.also ?? []).flatMap((more) => more.names)];
}
