export * from './webhook-events';
export * from './public-rule-explanations';
export * from './delivery-policy';
export * from './webhook-url';
