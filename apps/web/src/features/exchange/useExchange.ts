import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  DOCX_MEDIA_TYPE,
  type ApiResponse,
  type ApiRouteKey,
  type ApiRoutes,
  type ImportAmendmentsRequest,
  type ImportCommentsRequest,
  type ImportDocumentRequest,
} from '@parley/contracts';
import { apiRequest } from '../../api/client';
import { apiCall, fillPath } from '../../api/typed-client';
import { documentKey } from '../documents/useDocuments';

/** The routes that take a Word file as their body (decision 0044). */
type UploadRoute = { [K in ApiRouteKey]: ApiRoutes[K] extends { upload: object } ? K : never }[ApiRouteKey];

/**
 * Sends a Word file as the raw body of an upload route, always as a Word document: the server reads
 * the bytes and refuses what is not one (an old .doc, a renamed file) with the problem in words.
 */
export function uploadWord<K extends UploadRoute>(route: K, params: Record<string, string | number>, file: Blob): Promise<ApiResponse<K>> {
  const space = route.indexOf(' ');
  return apiRequest<ApiResponse<K>>(fillPath(route.slice(space + 1), params), { method: 'POST', file: { data: file, type: DOCX_MEDIA_TYPE } });
}

/** What a Word file would become as a new document of the group (nothing is created). */
export const useDocumentImportPreview = (groupId: string) =>
  useMutation({ mutationFn: (file: File) => uploadWord('POST /api/working-groups/:id/documents/import-preview', { id: groupId }, file) });

/** Creates the document the importer confirmed, with the amendments they kept. */
export function useImportDocument(groupId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportDocumentRequest) => apiCall('POST /api/working-groups/:id/documents/import', { params: { id: groupId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['working-groups', groupId, 'documents'] }),
  });
}

/** What a Word file says about a document's current version: its changes as amendments to propose. */
export const useVersionImportPreview = (documentId: string) =>
  useMutation({ mutationFn: (file: File) => uploadWord('POST /api/documents/:id/import-preview', { id: documentId }, file) });

export function useImportAmendments(documentId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportAmendmentsRequest) => apiCall('POST /api/documents/:id/amendments/import', { params: { id: documentId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}

/** What a completed commenting template would post on a version (nothing is posted). */
export const useTemplatePreview = (documentId: string, version: number) =>
  useMutation({ mutationFn: (file: File) => uploadWord('POST /api/documents/:id/versions/:n/comment-template', { id: documentId, n: version }, file) });

export function useImportComments(documentId: string, version: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportCommentsRequest) =>
      apiCall('POST /api/documents/:id/versions/:n/comment-template/comments', { params: { id: documentId, n: version }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: documentKey(documentId) }),
  });
}
