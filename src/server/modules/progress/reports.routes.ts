import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApproveReportBody,
  ListReportsQuery,
  PutReportBody,
  Report,
  ReportList,
  ReportParams,
  ReturnReportBody,
} from '../../../shared/progress.js';
import { requireVersion } from '../../lib/if-match.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { ReportsService } from './reports.service.js';

const tags = ['progress'];
const writeErrors = errorResponses(400, 401, 403, 404, 409, 428);

export const reportsRoutes: FastifyPluginAsyncZod<{ service: ReportsService }> = async (app, { service }) => {
  const sendList = jsonSender(ReportList);
  const sendReport = jsonSender(Report, { etag: (report) => report.version });

  app.get(
    '/reports',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "The reports by period and status (the secretariat's queue; a focal point's own member's)",
        querystring: ListReportsQuery,
        response: { 200: ReportList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => sendList(req, reply, await service.listReports(req.requireAuth(), req.query)),
  );

  app.get(
    '/reports/:period/:memberCode',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary:
          "A member's report for a period (its focal points and the secretariat); version 0 before the first save",
        params: ReportParams,
        response: { 200: Report, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) =>
      sendReport(req, reply, await service.getReport(req.requireAuth(), req.params.period, req.params.memberCode)),
  );

  app.put(
    '/reports/:period/:memberCode',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Save the draft (If-Match; "0" for the first save): the values sent replace the unapproved ones',
        params: ReportParams,
        body: PutReportBody,
        response: { 200: Report, ...writeErrors },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { period, memberCode } = req.params;
      return sendReport(req, reply, await service.saveReport(req.requireAuth(), period, memberCode, version, req.body));
    },
  );

  app.post(
    '/reports/:period/:memberCode/submit',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Send the draft and returned values to the secretariat (If-Match)',
        params: ReportParams,
        response: { 200: Report, ...writeErrors },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { period, memberCode } = req.params;
      return sendReport(req, reply, await service.submitReport(req.requireAuth(), period, memberCode, version));
    },
  );

  app.post(
    '/reports/:period/:memberCode/approve',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Approve the submitted values named, or all (secretariat; If-Match)',
        params: ReportParams,
        body: ApproveReportBody,
        response: { 200: Report, ...writeErrors },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { period, memberCode } = req.params;
      return sendReport(
        req,
        reply,
        await service.approveReport(req.requireAuth(), period, memberCode, version, req.body ?? {}),
      );
    },
  );

  app.post(
    '/reports/:period/:memberCode/return',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Return the submitted values named, or all, to the member with a reason (secretariat; If-Match)',
        params: ReportParams,
        body: ReturnReportBody,
        response: { 200: Report, ...writeErrors },
      },
    },
    async (req, reply) => {
      const version = requireVersion(req.headers['if-match']);
      const { period, memberCode } = req.params;
      return sendReport(
        req,
        reply,
        await service.returnReport(req.requireAuth(), period, memberCode, version, req.body),
      );
    },
  );
};
