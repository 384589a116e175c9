/**
 * Names for the shapes of the Pilot Feedback OCS API,
 * mapped from the types generated out of openapi.json.
 */
import type { components, operations } from './openapi.ts'

type Schemas = components['schemas']
/** The JSON request body of an operation in openapi.json */
type JsonBody<Op extends keyof operations> = operations[Op] extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never
/** The query parameters of an operation in openapi.json */
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>

export type ComponentCategory = Schemas['ComponentCategory']
export type PilotStatus = Schemas['PilotStatus']
export type PeriodStatus = Schemas['PeriodStatus']
export type ItemType = Schemas['ItemType']
export type Priority = Schemas['Priority']
export type ItemStatus = Schemas['ItemStatus']

export type Pilot = Schemas['Pilot']
export type Component = Schemas['Component']
export type Criterion = Schemas['Criterion']
export type Organisation = Schemas['Organisation']
export type Period = Schemas['Period']
export type PeriodRatings = Schemas['PeriodRatings']
export type AppSettings = Schemas['AppSettings']
export type NotificationSettings = Schemas['NotificationSettings']
export type IntegrationSettings = Schemas['IntegrationSettings']
export type ReportTemplate = Schemas['ReportTemplate']
export type ReportTemplates = Schemas['ReportTemplates']
export type AccessibilityStatement = Schemas['AccessibilityStatement']
export type AccessibilitySettings = Schemas['AccessibilitySettings']
export type Summary = Schemas['Summary']
export type SummaryAvailability = Schemas['SummaryAvailability']
export type Me = Schemas['Me']
export type MeOrganisation = Schemas['MeOrganisation']
export type Catalogue = Schemas['Catalogue']
export type DefaultCatalogueResult = Schemas['DefaultCatalogueResult']
export type Assessment = Schemas['Assessment']
export type AssessmentScore = Schemas['AssessmentScore']
export type RatingSheet = Schemas['RatingSheet']
export type PreviousScores = Schemas['PreviousScores']
export type AssessmentConflict = Schemas['AssessmentConflict']
export type Item = Schemas['Item']
export type ItemAttachment = Schemas['ItemAttachment']
export type ItemHistoryEntry = Schemas['ItemHistoryEntry']
export type ItemSupporter = Schemas['ItemSupporter']
export type ItemDetail = Schemas['ItemDetail']
export type ItemPage = Schemas['ItemPage']
export type ItemSuggestion = Schemas['ItemSuggestion']
export type ItemComment = Schemas['ItemComment']
export type BulkTriageResult = Schemas['BulkTriageResult']
export type ProgressMember = Schemas['ProgressMember']
export type Release = Schemas['Release']
export type OrganisationProgress = Schemas['OrganisationProgress']
export type ReleaseEvent = Schemas['ReleaseEvent']
export type ErrorMessage = Schemas['ErrorMessage']
export type ConsolidationRange = Schemas['ConsolidationRange']
export type RatingStats = Schemas['RatingStats']
export type CriterionResult = Schemas['CriterionResult']
export type ComponentResult = Schemas['ComponentResult']
export type OrganisationResult = Schemas['OrganisationResult']
export type ConsolidationResults = Schemas['ConsolidationResults']
export type TrendPoint = Schemas['TrendPoint']
export type TrendSeries = Schemas['TrendSeries']
export type ConsolidationTrend = Schemas['ConsolidationTrend']
export type ParticipationRow = Schemas['ParticipationRow']
export type Participation = Schemas['Participation']
export type ItemCount = Schemas['ItemCount']
export type ItemSummary = Schemas['ItemSummary']
export type RankedItem = Schemas['RankedItem']
export type ItemsOverview = Schemas['ItemsOverview']
export type Month = Schemas['Month']
export type MonthTester = Schemas['MonthTester']
export type MonthCoordinator = Schemas['MonthCoordinator']
export type MonthConsolidator = Schemas['MonthConsolidator']
export type MonthComponent = Schemas['MonthComponent']
export type MonthItem = Schemas['MonthItem']
export type MonthItemList = Schemas['MonthItemList']
export type MonthRelease = Schemas['MonthRelease']
export type MonthOrganisation = Schemas['MonthOrganisation']
export type ReleaseReminder = Schemas['ReleaseReminder']

export type PilotPayload = JsonBody<'pilot-create'>
export type ComponentPayload = JsonBody<'component-create'>
export type CriterionPayload = JsonBody<'criterion-create'>
export type OrganisationPayload = JsonBody<'organisation-create'>
export type PilotUpdatePayload = JsonBody<'pilot-update'>
export type ComponentUpdatePayload = JsonBody<'component-update'>
export type CriterionUpdatePayload = JsonBody<'criterion-update'>
export type OrganisationUpdatePayload = JsonBody<'organisation-update'>
export type PeriodCreatePayload = JsonBody<'period-create'>
export type PeriodUpdatePayload = JsonBody<'period-update'>
export type SettingsPayload = JsonBody<'settings-update'>
export type NotificationSettingsPayload = JsonBody<'notification_settings-update'>
export type IntegrationSettingsPayload = JsonBody<'integration_settings-update'>
export type AccessibilitySettingsPayload = JsonBody<'accessibility_statement-update'>
export type SummaryPayload = JsonBody<'summary-create'>
export type AssessmentPayload = JsonBody<'rating-save'>
export type ItemCreatePayload = JsonBody<'item-create'>
export type ItemUpdatePayload = JsonBody<'item-update'>
export type ItemTriagePayload = JsonBody<'item-triage'>
export type ItemBulkTriagePayload = JsonBody<'item_bulk-triage'>
export type CommentPayload = JsonBody<'comment-create'>
export type ReleasePayload = JsonBody<'coordination-release'>
export type ItemQuery = Query<'item-index'>

export type ReportType = Schemas['ReportType']
export type ReportStatus = Schemas['ReportStatus']
export type Report = Schemas['Report']
export type ReportPage = Schemas['ReportPage']
export type ReportDeleted = Schemas['ReportDeleted']
export type ReportFormats = Schemas['ReportFormats']
export type ReportFolder = Schemas['ReportFolder']
export type ReportCadence = Schemas['ReportCadence']
export type ReportText = Schemas['ReportText']
export type ReportTexts = Schemas['ReportTexts']
export type ReportTextVersion = Schemas['ReportTextVersion']
export type ReportTextConflict = Schemas['ReportTextConflict']
/** What POST /reports takes */
export type ReportRequestPayload = JsonBody<'report-create'>
/** What PUT /settings/report-cadence takes */
export type ReportCadencePayload = JsonBody<'report_cadence-update'>
