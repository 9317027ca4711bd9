import {
  addTranslationRequest,
  amendmentListQuery,
  personTranslation,
  amendmentPage,
  amendmentResponse,
  commentListQuery,
  commentResponse,
  commentThreadPage,
  compareQuery,
  compareResponse,
  adoptionPreflightResponse,
  consolidateRequest,
  consolidationPreviewResponse,
  createCommentRequest,
  createDocumentRequest,
  createReplyRequest,
  dispositionReport,
  dispositionRequest,
  documentListResponse,
  documentResponse,
  openAdoptionBallotRequest,
  openAmendmentBallotRequest,
  openedBallotResponse,
  provenanceResponse,
  versionQuery,
  versionResponse,
} from '../../drafting';
import { createAmendmentRequest } from '../../drafting/requests';
import { chairsTextSuggestionResponse, issueChairsTextRequest } from '../../negotiation/chairs-texts';
import { endorseRequest, endorsementResponse, signatoriesResponse, withdrawEndorsementRequest } from '../../endorsements';
import { media, PROBLEMS, route, versionParam } from './route-spec';
import { csvExportQuery } from '../../common';

const n = { n: versionParam };

/** Documents, versions, comments, amendments and endorsements. */
export const DRAFTING_ROUTES = {
  'POST /api/working-groups/:id/documents': /* @__PURE__ */ route({
    body: createDocumentRequest,
    status: 201,
    response: documentResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/working-groups/:id/documents': /* @__PURE__ */ route({ status: 200, response: documentListResponse, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id': /* @__PURE__ */ route({ query: versionQuery, status: 200, response: documentResponse, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/versions': /* @__PURE__ */ route({ body: consolidateRequest, status: 201, response: documentResponse, problems: PROBLEMS.write }),
  'POST /api/documents/:id/chairs-texts': /* @__PURE__ */ route({ body: issueChairsTextRequest, status: 201, response: documentResponse, problems: PROBLEMS.write }),
  'GET /api/documents/:id/chairs-texts/suggestion': /* @__PURE__ */ route({ status: 200, response: chairsTextSuggestionResponse, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/consolidation-preview': /* @__PURE__ */ route({ status: 200, response: consolidationPreviewResponse, problems: [400, 404, 409] }),
  'GET /api/documents/:id/versions/:n': /* @__PURE__ */ route({ params: n, status: 200, response: versionResponse, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/compare': /* @__PURE__ */ route({ query: compareQuery, status: 200, response: compareResponse, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/versions/:n/provenance': /* @__PURE__ */ route({ params: n, status: 200, response: provenanceResponse, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/versions/:n/adoption-preflight': /* @__PURE__ */ route({ params: n, status: 200, response: adoptionPreflightResponse, problems: PROBLEMS.readOne }),
  'POST /api/documents/:id/versions/:n/adoption-ballot': /* @__PURE__ */ route({
    params: n,
    body: openAdoptionBallotRequest,
    status: 201,
    response: openedBallotResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/documents/:id/versions/:n/dispositions': /* @__PURE__ */ route({ params: n, status: 200, response: dispositionReport, problems: PROBLEMS.readOne }),
  'GET /api/documents/:id/versions/:n/dispositions.csv': /* @__PURE__ */ route({
    params: n,
    query: csvExportQuery,
    status: 200,
    response: /* @__PURE__ */ media('text/csv', 'The disposition report as CSV'),
    problems: PROBLEMS.readOne,
  }),
  'GET /api/documents/:id/versions/:n/adopted.md': /* @__PURE__ */ route({
    params: n,
    status: 200,
    response: /* @__PURE__ */ media('text/markdown', 'The adopted text as Markdown'),
    problems: [400, 404, 409],
  }),
  'POST /api/documents/:id/comments': /* @__PURE__ */ route({ body: createCommentRequest, status: 201, response: commentResponse, problems: PROBLEMS.write }),
  'GET /api/documents/:id/comments': /* @__PURE__ */ route({ query: commentListQuery, status: 200, response: commentThreadPage, problems: PROBLEMS.readOne }),
  'POST /api/comments/:id/replies': /* @__PURE__ */ route({ body: createReplyRequest, status: 201, response: commentResponse, problems: PROBLEMS.write }),
  /** A participant's translation of a comment (decision 0047). */
  'POST /api/comments/:id/translations': /* @__PURE__ */ route({ body: addTranslationRequest, status: 201, response: personTranslation, problems: PROBLEMS.write }),
  'POST /api/comments/:id/disposition': /* @__PURE__ */ route({ body: dispositionRequest, status: 200, response: commentResponse, problems: PROBLEMS.write }),
  'POST /api/documents/:id/amendments': /* @__PURE__ */ route({
    body: createAmendmentRequest,
    status: 201,
    response: amendmentResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/documents/:id/amendments': /* @__PURE__ */ route({ query: amendmentListQuery, status: 200, response: amendmentPage, problems: PROBLEMS.readOne }),
  'GET /api/amendments/:id': /* @__PURE__ */ route({ status: 200, response: amendmentResponse, problems: PROBLEMS.readOne }),
  'POST /api/amendments/:id/cosponsors': /* @__PURE__ */ route({ status: 201, response: amendmentResponse, problems: PROBLEMS.act }),
  /** A participant's translation of an amendment's rationale (decision 0047). */
  'POST /api/amendments/:id/rationale-translations': /* @__PURE__ */ route({ body: addTranslationRequest, status: 201, response: personTranslation, problems: PROBLEMS.write }),
  'POST /api/amendments/:id/cosponsors/withdraw': /* @__PURE__ */ route({ status: 200, response: amendmentResponse, problems: PROBLEMS.act }),
  'POST /api/amendments/:id/withdraw': /* @__PURE__ */ route({ status: 200, response: amendmentResponse, problems: PROBLEMS.act }),
  'POST /api/amendments/:id/ballot': /* @__PURE__ */ route({
    body: openAmendmentBallotRequest,
    status: 201,
    response: amendmentResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/documents/:id/versions/:n/endorsements': /* @__PURE__ */ route({
    params: n,
    body: endorseRequest,
    status: 201,
    response: endorsementResponse,
    problems: PROBLEMS.write,
  }),
  'POST /api/documents/:id/versions/:n/endorsements/:endorsementId/withdraw': /* @__PURE__ */ route({
    params: n,
    body: withdrawEndorsementRequest,
    status: 200,
    response: endorsementResponse,
    problems: PROBLEMS.write,
  }),
  'GET /api/documents/:id/versions/:n/signatories': /* @__PURE__ */ route({
    params: n,
    status: 200,
    response: signatoriesResponse,
    problems: PROBLEMS.readOne,
  }),
} as const;
