import { Global, Module } from '@nestjs/common';
import { AppMetrics } from './app-metrics';
import { ScrapeGauges } from './scrape-gauges';

/** Prometheus metrics of this API instance (decision 0059); GET /metrics is mounted by app-factory (metrics-endpoint.ts). */
@Global()
@Module({
  providers: [AppMetrics, ScrapeGauges],
  exports: [AppMetrics],
})
export class MetricsModule {}
