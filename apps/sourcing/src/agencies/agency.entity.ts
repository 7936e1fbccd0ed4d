import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  /** The signing secret, sealed by this master key (AgencySigningSecrets). */
  @Column('text', { name: 'signing_secret_key_id' }) signingSecretKeyId!: string;
  @Column('bytea', { name: 'signing_secret_wrapped' }) signingSecretWrapped!: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
