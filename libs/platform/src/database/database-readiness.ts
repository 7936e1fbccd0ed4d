import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '../health/readiness.registry';

@Injectable()
export class DatabaseReadiness implements OnModuleInit {
  constructor(private readonly dataSource: DataSource, private readonly registry: ReadinessRegistry) {}

  onModuleInit(): void {
    this.registry.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }
}
