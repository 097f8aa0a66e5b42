import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ExportQuery,
  ImportFields,
  type ImportFormat,
  ImportIdParams,
  ImportJob,
  ImportKind,
  ImportList,
  MAX_IMPORT_BYTES,
} from '../../../shared/imports.js';
import { AppError, fieldError, invalid, notFound } from '../../lib/errors.js';
import { fieldErrorsOf } from '../../lib/field-errors.js';
import { errorResponses, jsonSender } from '../../plugins/http.js';
import type { ImportInput, ImportsService } from './imports.service.js';

const tags = ['imports'];
const CONTENT_TYPES: Record<ImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const EXPORT_FILE = /^(values|pledges)\.(csv|xlsx)$/;

/** The file's format, from its name, else its type. */
function formatOf(fileName: string, mimeType: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv') || mimeType === 'text/csv') return 'csv';
  if (name.endsWith('.xlsx') || mimeType === CONTENT_TYPES.xlsx) return 'xlsx';
  return null;
}

export const importsRoutes: FastifyPluginAsyncZod<{ service: ImportsService }> = async (app, { service }) => {
  // Multipart only here: every other route keeps taking JSON alone.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 } });
  const sendJob = jsonSender(ImportJob);
  const sendList = jsonSender(ImportList);

  app.post(
    '/imports',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary:
          'Import report values or pledges from CSV or XLSX (multipart: kind, optional id, then file); a 400 lists the bad rows as errors[] with path rows.<line>.<column>, and nothing is written',
        querystring: ImportFields.partial(),
        response: { 200: ImportJob, ...errorResponses(400, 401, 403, 409, 413, 415) },
      },
    },
    async (req, reply) => {
      const auth = req.requireAuth();
      if (!req.isMultipart())
        throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data (fields kind and file).');
      const fields: Record<string, unknown> = { ...req.query };
      let job: ImportJob | null = null;
      // An error of the service is the service's; any other while reading the form is the form's (400).
      let serviceError: unknown = null;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (part.fieldname !== 'file' || job) {
            part.file.resume();
            continue;
          }
          const parsed = ImportFields.safeParse(fields);
          const format = formatOf(part.filename ?? '', part.mimetype);
          const errors = [
            ...(parsed.success ? [] : fieldErrorsOf(parsed.error.issues, 'body', fields)),
            ...(format
              ? []
              : [fieldError('file', 'invalid_format', 'must be a .csv or .xlsx file', { format: 'csv_or_xlsx' })]),
          ];
          if (errors.length > 0 || !parsed.success || !format) {
            part.file.resume();
            throw invalid(errors);
          }
          const input: ImportInput = {
            kind: parsed.data.kind,
            id: parsed.data.id,
            format,
            fileName: part.filename ? part.filename.replaceAll('\u0000', '').slice(0, 255) : null,
            file: part.file,
          };
          try {
            job = await service.importFile(auth, input);
          } catch (error) {
            serviceError = error;
            throw error;
          } finally {
            part.file.resume();
          }
          if (part.file.truncated) throw new AppError('payload_too_large', 'The file is larger than an import takes.');
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('payload_too_large', 'The file is larger than an import takes.');
        if (error !== serviceError && !(error instanceof AppError))
          throw new AppError('validation_failed', 'The multipart body could not be read.', {
            errors: [fieldError('file', 'invalid', 'the multipart body could not be read')],
          });
        throw error;
      }
      if (!job) throw invalid([fieldError('file', 'required', 'is required')]);
      return sendJob(req, reply, job);
    },
  );

  app.get(
    '/imports',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'Your recent imports', response: { 200: ImportList, ...errorResponses(401) } },
    },
    async (req, reply) => sendList(req, reply, await service.listImports(req.requireAuth())),
  );

  app.get(
    '/imports/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'One import and its progress (its creator or the secretariat)',
        params: ImportIdParams,
        response: { 200: ImportJob, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => sendJob(req, reply, await service.getImport(req.requireAuth(), req.params.id)),
  );

  app.get(
    '/exports/:file',
    {
      schema: {
        tags,
        summary:
          'Export values.csv, values.xlsx, pledges.csv or pledges.xlsx (what the caller may see; the template of an import)',
        params: z.object({ file: z.string() }),
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const match = EXPORT_FILE.exec(req.params.file);
      if (!match) throw notFound('Export');
      const kind = ImportKind.parse(match[1]);
      const format = match[2] as ImportFormat;
      const { fileName, body } = service.exportFile(req.auth, kind, format, req.query);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};
