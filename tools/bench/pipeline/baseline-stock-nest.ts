// Baseline (b), what a typical NestJS team writes: the stock
// @nestjs/microservices Kafka transport, one @EventPattern handler per hop,
// one TypeORM save() per message, and ClientKafka.emit() to the next topic.
// Same hops and payloads as the raw baseline and the pipeline.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, ClientsModule, EventPattern, Payload, Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Column, DataSource, Entity, PrimaryColumn, type Repository } from 'typeorm';
import type { Kafka } from 'kafkajs';
import { createTopics, deleteTopics, topicSize, until } from './bench-util';

const OUT = 'STOCK_OUT';
const ROWS = 'STOCK_ROWS';

function stockModule(topics: readonly string[], brokers: string[], rows: Repository<object>): DynamicModule {
  // One handler per hop, as a team would write them; the topic names carry the run's suffix.
  @Controller()
  class HopsController {
    constructor(
      @Inject(OUT) private readonly out: ClientKafka,
      @Inject(ROWS) private readonly repo: Repository<object>,
    ) {}

    private async hop(hop: number, message: { key: string; body: unknown }): Promise<void> {
      await this.repo.save({ hop, id: message.key, payload: message.body });
      await new Promise<void>((resolve, reject) => this.out.emit(topics[hop + 1] as string, { key: message.key, value: JSON.stringify(message) }).subscribe({ complete: resolve, error: reject }));
    }

    @EventPattern(topics[0]) h0(@Payload() m: { key: string; body: unknown }) {
      return this.hop(0, m);
    }
    @EventPattern(topics[1]) h1(@Payload() m: { key: string; body: unknown }) {
      return this.hop(1, m);
    }
    @EventPattern(topics[2]) h2(@Payload() m: { key: string; body: unknown }) {
      return this.hop(2, m);
    }
    @EventPattern(topics[3]) h3(@Payload() m: { key: string; body: unknown }) {
      return this.hop(3, m);
    }
  }

  @Module({
    imports: [ClientsModule.register([{ name: OUT, transport: Transport.KAFKA, options: { client: { clientId: 'bench-stock-out', brokers }, producerOnlyMode: true } }])],
    controllers: [HopsController],
    providers: [{ provide: ROWS, useValue: rows }],
  })
  class StockModule {}

  return { module: StockModule };
}

export async function runStockNestBaseline(kafka: Kafka, databaseUrl: string, brokers: string[], payloads: readonly string[]): Promise<number> {
  const hops = 4;
  const suffix = randomUUID().slice(0, 8);
  const topics = Array.from({ length: hops + 1 }, (_, i) => `bench.stock.${suffix}.h${i}`);
  const schema = `bench_stock_${suffix}`;
  await createTopics(kafka, topics);

  @Entity({ name: 'rows', schema })
  class StockRow {
    @PrimaryColumn('int') hop!: number;
    @PrimaryColumn('text') id!: string;
    @Column('jsonb') payload!: unknown;
  }
  const bootstrap = new DataSource({ type: 'postgres', url: databaseUrl });
  await bootstrap.initialize();
  await bootstrap.query(`CREATE SCHEMA ${schema}`);
  await bootstrap.destroy();
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, entities: [StockRow], synchronize: true, extra: { max: 10 } });
  await ds.initialize();

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(stockModule(topics, brokers, ds.getRepository(StockRow) as Repository<object>), {
    logger: ['error'],
    transport: Transport.KAFKA,
    options: { client: { clientId: 'bench-stock', brokers }, consumer: { groupId: `bench-stock-${suffix}` }, subscribe: { fromBeginning: true } },
  });
  try {
    await app.listen();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const t0 = Date.now();
    for (let i = 0; i < payloads.length; i += 500) {
      await producer.send({
        topic: topics[0] as string,
        acks: -1,
        messages: payloads.slice(i, i + 500).map((body, j) => ({ key: `stock-${i + j}`, value: JSON.stringify({ key: `stock-${i + j}`, body: JSON.parse(body) as unknown }) })),
      });
    }
    await producer.disconnect();
    await until('stock NestJS baseline: every record through the last hop', async () => (await topicSize(kafka, topics[hops] as string)) >= payloads.length, 1_800_000, 200);
    return (Date.now() - t0) / 1000;
  } finally {
    await app.close();
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
    await deleteTopics(kafka, topics);
  }
}
