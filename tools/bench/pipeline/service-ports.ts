// The services as deploy/local/services.sh runs them, and where each listens
// (the same variables and defaults as the script).
export const SERVICES = ['sourcing', 'screening', 'scoring', 'offer', 'monitor'] as const;
export type Service = (typeof SERVICES)[number];

const PORT_VARS: Record<Service, [string, number]> = {
  sourcing: ['SOURCING_PORT', 3001],
  screening: ['SCREENING_PORT', 3002],
  scoring: ['SCORING_PORT', 3003],
  offer: ['OFFER_PORT', 3004],
  monitor: ['MONITOR_PORT', 3005],
};

export function serviceUrl(svc: Service): string {
  const [name, fallback] = PORT_VARS[svc];
  return `http://127.0.0.1:${process.env[name] ?? fallback}`;
}
