import { useQuery } from '@tanstack/react-query';
import type { ExportQuery, ImportFormat, ImportJob, ImportKind, ImportList } from '../../../shared/imports.js';
import type { Problem } from '../../../shared/problem.js';
import { ApiError, api, q } from '../../app/api.js';

/** Where an export of `kind` is downloaded, with the filters that are set. */
export function exportHref(kind: ImportKind, format: ImportFormat, filters: ExportQuery = {}): string {
  const query = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${q(String(value))}`)
    .join('&');
  return `/api/v1/exports/${kind}.${format}${query ? `?${query}` : ''}`;
}

/**
 * Sends a file to import (multipart), telling `onUpload` the share sent (0–1): XMLHttpRequest,
 * since fetch says nothing of an upload's progress. The import's `id` is chosen here, so that
 * its rows read and written can be followed while the request runs.
 */
export function uploadImport(
  body: { id: string; kind: ImportKind; file: File },
  onUpload: (share: number) => void,
): Promise<ImportJob> {
  const form = new FormData();
  form.append('kind', body.kind);
  form.append('id', body.id);
  form.append('file', body.file);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/imports');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onUpload(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, null, 'The server could not be reached.'));
    xhr.onload = () => {
      let answer: unknown = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: said below by its status.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(answer as ImportJob);
      else {
        const problem = answer && typeof answer === 'object' && 'code' in answer ? (answer as Problem) : null;
        reject(new ApiError(xhr.status, problem, problem?.detail ?? `The server answered ${xhr.status}.`));
      }
    };
    xhr.send(form);
  });
}

/**
 * An import's progress, asked every half second while `running`; null until the server has it.
 * Read from the caller's list of imports, not `GET /imports/{id}`: the first ask can reach the
 * server before the upload does, and an import the server does not have yet would answer 404.
 */
export function useImportProgress(id: string | null, running: boolean) {
  return useQuery({
    queryKey: ['imports', 'progress', id],
    queryFn: async ({ signal }): Promise<ImportJob | null> =>
      (await api<ImportList>('/imports', { signal })).items.find((job) => job.id === id) ?? null,
    enabled: id !== null && running,
    refetchInterval: running ? 500 : false,
    retry: false,
  });
}

/** The caller's recent imports. */
export function useMyImports(enabled: boolean) {
  return useQuery({
    queryKey: ['imports'],
    queryFn: ({ signal }) => api<ImportList>('/imports', { signal }),
    enabled,
  });
}
