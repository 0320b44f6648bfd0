/**
 * Demo scenarios: named sequences of events fired on the Hookscope clock, with data that hangs together
 * across steps (one Instnt transaction and its document; one Instafill batch counting up).
 */
import { randomUUID } from 'node:crypto';
import type { ScenarioInfo } from '../../../../shared/contract/dispatcher-model.js';

export interface ScenarioStep {
  offsetSec: number;
  type: string;
  label: string;
  data: Record<string, unknown>;
}

export interface ScenarioDefinition {
  info: Omit<ScenarioInfo, 'steps'>;
  /** Fresh ids per run, so two runs look like two customers. */
  steps(context: { formId?: string }): ScenarioStep[];
}

const INSTNT_ONBOARDING: ScenarioDefinition = {
  info: {
    id: 'instnt-onboarding',
    name: 'Instnt onboarding',
    description:
      'A customer opens the form, submits it with an ID document; the document is verified, the transaction goes to manual review and is accepted.',
    provider: 'instnt',
  },
  steps({ formId }) {
    const formKey = formId ?? 'v879876100000';
    const txn = randomUUID();
    const userId = 10_000 + Math.floor(Math.random() * 90_000);
    const document = {
      uuid4: txn,
      userId,
      formKey,
      selfieImage: 'selfie.png',
      documentType: 'DRIVERS_LICENSE',
      documentFrontImage: 'image.png',
      documentBackImage: 'image-back.png',
    };
    const decision = (verdict: string) => ({
      decision: verdict,
      instnttxn: txn,
      url: `https://example.com/onboarding/${verdict.toLowerCase()}`,
      form_key: formKey,
    });
    return [
      {
        offsetSec: 0,
        type: 'transaction.initiated',
        label: 'Form displayed',
        data: { user_id: userId, form_key_id: formKey },
      },
      { offsetSec: 30, type: 'transaction.submitted', label: 'Form submitted', data: { form_key: formKey } },
      { offsetSec: 45, type: 'document.submitted', label: 'Document submitted', data: document },
      { offsetSec: 90, type: 'document.verification.success', label: 'Document verified', data: document },
      {
        offsetSec: 120,
        type: 'transaction.review',
        label: 'Sent to manual review',
        data: decision('REVIEW'),
      },
      {
        offsetSec: 420,
        type: 'transaction.accepted',
        label: 'Accepted by a reviewer',
        data: decision('ACCEPT'),
      },
    ];
  },
};

const BATCH_ITEMS = 250;
const PROGRESS_EVERY_SEC = 15;

const INSTAFILL_BATCH: ScenarioDefinition = {
  info: {
    id: 'instafill-batch',
    name: 'Instafill batch',
    description: `A batch of ${BATCH_ITEMS} forms starts, reports progress every 10 % and completes.`,
    provider: 'instafill',
  },
  steps({ formId }) {
    const batch = {
      batch_id: `batch_${randomUUID().slice(0, 8)}`,
      form_id: formId ?? 'form_xyz789',
      total_items: BATCH_ITEMS,
    };
    const steps: ScenarioStep[] = [
      { offsetSec: 0, type: 'batch.started', label: 'Batch started', data: batch },
    ];
    for (let percent = 10; percent < 100; percent += 10) {
      const processed = Math.round((BATCH_ITEMS * percent) / 100);
      const failed = Math.floor(processed / 125);
      steps.push({
        offsetSec: (percent / 10) * PROGRESS_EVERY_SEC,
        type: 'batch.progress',
        label: `${percent} %`,
        data: { ...batch, processed, percent, succeeded: processed - failed, failed },
      });
    }
    steps.push({
      offsetSec: 10 * PROGRESS_EVERY_SEC,
      type: 'batch.completed',
      label: 'Batch completed',
      data: { ...batch, succeeded: BATCH_ITEMS - 2, failed: 2, duration_ms: 10 * PROGRESS_EVERY_SEC * 1000 },
    });
    return steps;
  },
};

export const SCENARIOS: readonly ScenarioDefinition[] = [INSTNT_ONBOARDING, INSTAFILL_BATCH];

export function scenarioInfos(): ScenarioInfo[] {
  return SCENARIOS.map((s) => ({
    ...s.info,
    steps: s.steps({}).map(({ offsetSec, type, label }) => ({ offsetSec, type, label })),
  }));
}
