/** An agency as the features see it: its signing secret only where a feature verifies signatures. */
export interface Agency {
  id: string;
  name: string;
  createdAt: Date;
}

/** An agency with its signing secret opened (it verifies Kafka submissions). */
export interface SigningAgency extends Agency {
  signingSecret: string;
}
