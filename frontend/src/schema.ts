// The API's types, from one source: src/generated/api.ts is generated at each build from openapi.json, the document
// the service serves (OpenApiContractTest holds the two equal). Nothing here is declared by hand.
import type { components } from './generated/api';

type Schemas = components['schemas'];

export type Grant = Schemas['SessionGrant'];
export type Challenge = Schemas['Challenge'];
export type Solution = Schemas['Solution'];
export type Minted = Schemas['Minted'];
export type Totals = Schemas['CampaignTotals'];
export type BatchResult = Schemas['BatchResult'];
export type BatchReport = Schemas['BatchReport'];
export type SessionRequest = Schemas['SessionRequest'];
export type ChallengeRequest = Schemas['ChallengeRequest'];
export type Problem = Schemas['Problem'];
export type FieldAction = Schemas['FieldAction'];
export type FieldAnswer = Schemas['FieldAnswer'];
export type FieldData = Schemas['FieldData'];
export type FieldTablet = Schemas['FieldTablet'];
export type TeamView = Schemas['TeamView'];
export type BoardEntry = Schemas['BoardEntry'];
export type Membership = Schemas['Membership'];
export type Impact = Schemas['Impact'];
export type PurseView = Schemas['PurseView'];
