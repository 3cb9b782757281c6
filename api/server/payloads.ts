/**
 * The API's payload types, generated from api/openapi.yaml into src/core/api/types.gen.ts (`npm run gen:api`),
 * so the server describes no payload by hand. Type-only: nothing from src/ is loaded at run time.
 */
import type { components } from '../../src/core/api/types.gen.ts';

type Schemas = components['schemas'];

export type HallSnapshot = Schemas['HallSnapshot'];
export type HallPatch = Schemas['HallPatch'];
export type WindowView = Schemas['Window'];
export type CategoryView = Schemas['Category'];
export type Call = Schemas['Call'];
export type TicketView = Schemas['Ticket'];
export type TicketStatus = Schemas['TicketStatus'];
export type Forecast = Schemas['Forecast'];
export type ForecastHour = Schemas['ForecastHour'];

export type ServiceDetail = Schemas['ServiceDetail'];
export type TimeLimit = Schemas['TimeLimit'];
export type FeeItem = Schemas['FeeItem'];
export type Material = Schemas['Material'];
export type ServiceLocation = Schemas['ServiceLocation'];
export type CrossRegion = Schemas['CrossRegionScope'];
export type CatalogueItem = Schemas['CatalogueItem'];
export type ServiceSummary = Schemas['ServiceSummary'];

export type RatingInput = Schemas['RatingInput'];
export type RatingReceipt = Schemas['RatingReceipt'];
export type RatingLevel = Schemas['RatingLevel'];
export type RatingSummary = Schemas['RatingSummary'];
export type RatingFollowUp = Schemas['RatingFollowUp'];
export type FollowUpStatus = Schemas['RatingFollowUpStatus'];
export type FollowUpStage = Schemas['RatingFollowUpEvent'];

export type OperatorTicketView = Schemas['OperatorTicket'];
export type OperatorWaiting = Schemas['OperatorWaiting'];
export type OperatorWindowView = Schemas['OperatorWindow'];
export type OperatorActionResult = Schemas['OperatorActionResult'];
export type OperatorActionInput = Schemas['OperatorActionInput'];
export type WindowClaimView = Schemas['WindowClaim'];
export type WindowClaimHolder = Schemas['WindowClaimHolder'];
export type IngestEvent = Schemas['IngestEvent'];
export type IngestReceipt = Schemas['IngestReceipt'];
export type PriorityReasonName = Schemas['PriorityReason'];
