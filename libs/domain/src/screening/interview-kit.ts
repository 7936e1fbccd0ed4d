// The interview kit: for every signal not shown, or shown on thin evidence,
// the probe to ask, in the guide's words (hiring-rules.md section 3). The
// guide warns that most interview processes test ML depth or leadership, not
// both, so the kit is one interview that alternates depth and leadership
// probes: cut short, it has still touched both.
import type { SystemArea } from '../profile/candidate-profile';
import type { ScreeningRubric } from './rubric';
import type { RuleGroup, ScreeningRuleId } from './rule-ids';
import type { InterviewKit, InterviewProbe, ProbeReason, RuleOutcome } from './screening-result';

const DEPTH_TOPICS: Record<SystemArea, string> = {
  ml: 'managed vs custom training, the evaluation approach for your domain, fine-tuning vs RAG',
  software: 'distributed systems, reliability engineering, API design, performance',
};

function ask(ruleId: ScreeningRuleId, rubric: ScreeningRubric, outcome: RuleOutcome): string | undefined {
  const area = rubric.technical.architectureAtScale.area;
  const systems = area === 'ml' ? 'ML systems' : 'software systems';
  switch (ruleId) {
    case 'tech.architecture-at-scale':
      return `Walk us through an architectural decision in your ${systems} that held up at scale: the decision, and the constraints that shaped it.`;
    case 'tech.infra-tradeoffs':
      return `Where do you stand on ${area === 'ml' ? 'ML infrastructure' : 'software'} trade-offs (${DEPTH_TOPICS[area]}), and why?`;
    case 'tech.shipped-production': {
      const thin = outcome.evidence.find((e) => e.startsWith('thin: nothing yet on '));
      const concerns = thin ? thin.slice('thin: nothing yet on '.length) : 'latency, reliability, monitoring, incident response';
      return `For a system you shipped to production, not an experiment: ${concerns}.`;
    }
    case 'tech.code-review':
      return `Describe a review of ${area === 'ml' ? 'ML' : 'software'} work where you looked beyond correctness: scalability, maintainability, fit with the architecture.`;
    case 'lead.unblocking':
      return 'Give a concrete example of unblocking an engineer: what the blocker was, and how it was resolved.';
    case 'lead.translation':
      return 'Tell us about translating between technical and non-technical stakeholders: who, what situation, what came of it.';
    case 'lead.team-framing':
      return 'Take your main achievements: what did the team do, and what was your part in it?';
    case 'lead.course-correction':
      return 'Tell us about an architectural decision that turned out wrong: how you recognised it, and how you course-corrected.';
    case 'flag.research-without-production':
      return 'What happened to your research in production: deployment, monitoring, failure modes?';
    case 'flag.solo-framing':
      return 'Who else worked on the achievements you described, and how did the team work together?';
    case 'flag.vague-decisions':
      return 'For the decisions you named: what was the reasoning behind each, and which constraints shaped it?';
    case 'flag.hard-to-follow':
      // Judged from how the interview itself goes; there is nothing to ask.
      return undefined;
  }
}

function reasonOf(outcome: RuleOutcome): ProbeReason | undefined {
  if (outcome.group === 'red-flag') return outcome.state === 'shown' ? 'raised' : outcome.state === 'not-yet-known' ? 'not-yet-known' : undefined;
  if (outcome.state !== 'shown') return outcome.state;
  return outcome.thin ? 'thin' : undefined;
}

export function buildInterviewKit(rules: readonly RuleOutcome[], rubric: ScreeningRubric): InterviewKit {
  const probe = (outcome: RuleOutcome): InterviewProbe | undefined => {
    const reason = reasonOf(outcome);
    const question = reason && ask(outcome.ruleId, rubric, outcome);
    return reason && question ? { ruleId: outcome.ruleId, group: outcome.group, reason, ask: question } : undefined;
  };
  const of = (group: RuleGroup) => rules.filter((r) => r.group === group).flatMap((r) => probe(r) ?? []);
  const depth = of('technical');
  const leadership = of('leadership');
  const probes: InterviewProbe[] = [];
  for (let i = 0; i < Math.max(depth.length, leadership.length); i += 1) {
    const d = depth[i];
    const l = leadership[i];
    if (d) probes.push(d);
    if (l) probes.push(l);
  }
  probes.push(...of('red-flag'));
  return { ruleIds: probes.map((p) => p.ruleId), probes };
}
