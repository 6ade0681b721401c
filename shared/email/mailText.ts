// The plain-text layout every email shares: blocks a blank line apart, lists as "- " lines, facts as "label: value".
import type { LabelledValue } from './invitationModel';

/** The body from its blocks, each a list of lines; empty blocks (parts the email leaves out) are skipped. */
export function textBody(blocks: string[][]): string {
  return (
    blocks
      .filter((block) => block.length > 0)
      .map((block) => block.join('\n'))
      .join('\n\n') + '\n'
  );
}

export function bulletLines(items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

export function factLines(facts: LabelledValue[]): string {
  return facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n');
}
