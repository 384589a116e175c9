<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback;

/**
 * Every shape of the OCS API. scripts/generate-openapi.php turns each psalm type into a schema
 * of openapi.json (named without the PilotFeedback prefix). `@field-description Type.key text`
 * describes a key of a shape; `@format x`, `@pattern x` or `@maxLength n` in the text become
 * those keywords.
 *
 * @psalm-type PilotFeedbackErrorMessage = array{
 *     message: string,
 * }
 * @field-description PilotFeedbackErrorMessage.message A sentence a person can act on
 * @psalm-type PilotFeedbackPilotStatus = 'planned'|'active'|'closed'
 * @psalm-type PilotFeedbackComponentCategory = 'groupware'|'filesharing'|'weboffice'|'messaging'|'identity'|'portal'|'other'
 * @psalm-type PilotFeedbackPeriodStatus = 'open'|'closed'
 * @psalm-type PilotFeedbackItemType = 'requirement'|'defect'|'improvement'|'security'
 * @psalm-type PilotFeedbackPriority = 'low'|'medium'|'high'|'critical'
 * @psalm-type PilotFeedbackItemStatus = 'new'|'in_review'|'accepted'|'forwarded'|'in_progress'|'done'|'verified'|'rejected'|'duplicate'
 * @psalm-type PilotFeedbackPilot = array{
 *     id: int,
 *     title: string,
 *     titleEn?: string,
 *     titleDe?: string,
 *     description: string,
 *     descriptionEn?: string,
 *     descriptionDe?: string,
 *     status: PilotFeedbackPilotStatus,
 *     startDate: ?string,
 *     endDate: ?string,
 *     archived: bool,
 *     componentIds: list<int>,
 * }
 * @field-description PilotFeedbackPilot.title In the reader's language, or the other one when that is empty
 * @field-description PilotFeedbackPilot.titleEn English title ('' when none), for editing; given by the admin endpoints and the catalogue
 * @field-description PilotFeedbackPilot.titleDe German title ('' when none), for editing; given by the admin endpoints and the catalogue
 * @field-description PilotFeedbackPilot.description In the reader's language, or the other one when that is empty
 * @field-description PilotFeedbackPilot.startDate YYYY-MM-DD @format date
 * @field-description PilotFeedbackPilot.endDate YYYY-MM-DD @format date
 * @psalm-type PilotFeedbackComponent = array{
 *     id: int,
 *     name: string,
 *     nameEn?: string,
 *     nameDe?: string,
 *     category: PilotFeedbackComponentCategory,
 *     product: string,
 *     description: string,
 *     descriptionEn?: string,
 *     descriptionDe?: string,
 *     archived: bool,
 *     pilotIds: list<int>,
 * }
 * @field-description PilotFeedbackComponent.name In the reader's language, or the other one when that is empty
 * @field-description PilotFeedbackComponent.nameEn English name ('' when none), for editing; given by the admin endpoints and the catalogue
 * @field-description PilotFeedbackComponent.nameDe German name ('' when none), for editing; given by the admin endpoints and the catalogue
 * @psalm-type PilotFeedbackCriterion = array{
 *     id: int,
 *     name: string,
 *     nameEn?: string,
 *     nameDe?: string,
 *     description: string,
 *     descriptionEn?: string,
 *     descriptionDe?: string,
 *     sortOrder: int,
 *     archived: bool,
 * }
 * @field-description PilotFeedbackCriterion.name In the reader's language, or the other one when that is empty
 * @field-description PilotFeedbackCriterion.nameEn English name ('' when none), for editing; given by the admin endpoints and the catalogue
 * @field-description PilotFeedbackCriterion.nameDe German name ('' when none), for editing; given by the admin endpoints and the catalogue
 * @psalm-type PilotFeedbackOrganisation = array{
 *     id: int,
 *     name: string,
 *     shortName: string,
 *     groupIds: list<string>,
 *     coordinatorIds: list<string>,
 *     pilotIds: list<int>,
 *     archived: bool,
 * }
 * @psalm-type PilotFeedbackPeriod = array{
 *     id: int,
 *     month: string,
 *     status: PilotFeedbackPeriodStatus,
 * }
 * @field-description PilotFeedbackPeriod.month YYYY-MM @pattern ^[0-9]{4}-(0[1-9]|1[0-2])$
 * @psalm-type PilotFeedbackPeriodRatings = array{
 *     periodId: int,
 *     ratings: int,
 * }
 * @field-description PilotFeedbackPeriodRatings.ratings ratings of the month: assessments with an overall score or at least one criterion score
 * @psalm-type PilotFeedbackAppSettings = array{
 *     consolidatorGroup: string,
 *     lowRatingThreshold: int,
 *     trafficLightGreen: float,
 *     trafficLightAmber: float,
 * }
 * @field-description PilotFeedbackAppSettings.trafficLightGreen Reports' traffic light: a mean overall score from this is green
 * @field-description PilotFeedbackAppSettings.trafficLightAmber Reports' traffic light: a mean from this (below green) is amber, below it red
 * @field-description PilotFeedbackAppSettings.lowRatingThreshold months with fewer ratings than this are flagged as few
 * @field-description PilotFeedbackAppSettings.consolidatorGroup Nextcloud group id of the consolidators; empty when unset
 * @psalm-type PilotFeedbackMeOrganisation = array{id: int, name: string, shortName: string, isCoordinator: bool}
 * @psalm-type PilotFeedbackMe = array{userId: string, displayName: string, isAdmin: bool, isConsolidator: bool, organisations: list<PilotFeedbackMeOrganisation>}
 * @psalm-type PilotFeedbackCatalogue = array{pilots: list<PilotFeedbackPilot>, components: list<PilotFeedbackComponent>, criteria: list<PilotFeedbackCriterion>, organisations: list<PilotFeedbackOrganisation>, periods: list<PilotFeedbackPeriod>}
 * @psalm-type PilotFeedbackDefaultCatalogueResult = array{
 *     created: int,
 * }
 * @field-description PilotFeedbackDefaultCatalogueResult.created How many records the run added; 0 on a second run
 * @psalm-type PilotFeedbackAssessmentScore = array{
 *     criterionId: int,
 *     score: int<1, 5>|null,
 * }
 * @field-description PilotFeedbackAssessmentScore.score null: not assessed
 * @psalm-type PilotFeedbackAssessment = array{
 *     id: int,
 *     pilotId: int,
 *     componentId: int,
 *     periodId: int,
 *     userId: string,
 *     organisationId: int,
 *     overall: int<1, 5>|null,
 *     comment: string,
 *     scores: list<PilotFeedbackAssessmentScore>,
 *     rated: bool,
 *     version: int,
 *     updatedAt: int,
 * }
 * @field-description PilotFeedbackAssessment.pilotId The pilot the component was rated in: a component in two pilots is rated in each separately
 * @field-description PilotFeedbackAssessment.updatedAt Unix seconds
 * @field-description PilotFeedbackAssessment.rated Whether it counts as a rating: an overall score or at least one criterion score; a comment alone is a draft
 * @field-description PilotFeedbackAssessment.version Raised by every save; send it back with the next save (409 when it is outdated)
 * @psalm-type PilotFeedbackPreviousScores = array{pilotId: int, componentId: int, overall: int<1, 5>|null, scores: list<PilotFeedbackAssessmentScore>}
 * @psalm-type PilotFeedbackRatingPilot = array{id: int, title: string, organisationId: int, componentIds: list<int>, locked: bool}
 * @field-description PilotFeedbackRatingPilot.organisationId The user's organisation that takes part in the pilot: the ratings in it are for that organisation
 * @field-description PilotFeedbackRatingPilot.componentIds The pilot's components to rate, in the order of components
 * @field-description PilotFeedbackRatingPilot.locked Whether the organisation has released its feedback for the period: the pilot's ratings are read-only until its coordinator reopens the release
 * @psalm-type PilotFeedbackRatingSheet = array{period: ?PilotFeedbackPeriod, criteria: list<PilotFeedbackCriterion>, pilots: list<PilotFeedbackRatingPilot>, components: list<PilotFeedbackComponent>, assessments: list<PilotFeedbackAssessment>, previousPeriod: ?PilotFeedbackPeriod, previous: list<PilotFeedbackPreviousScores>}
 * @field-description PilotFeedbackRatingSheet.pilots The active pilots of the user's organisations, each with the components to rate in it: a component in two pilots is rated in each separately
 * @field-description PilotFeedbackRatingSheet.components Every component of those pilots, once
 * @field-description PilotFeedbackRatingSheet.assessments The user's own assessments of the period, each for one pilot and component
 * @field-description PilotFeedbackRatingSheet.previous The user's own rated assessments of the previous period, per pilot and component, for comparison
 * @psalm-type PilotFeedbackAssessmentConflict = array{message: string, current: ?PilotFeedbackAssessment}
 * @psalm-type PilotFeedbackItem = array{
 *     id: int,
 *     type: PilotFeedbackItemType,
 *     title: string,
 *     body: string,
 *     componentId: int,
 *     pilotId: int,
 *     priority: PilotFeedbackPriority,
 *     consolidatedPriority: ?PilotFeedbackPriority,
 *     status: PilotFeedbackItemStatus,
 *     reporterId: string,
 *     reporterName: string,
 *     organisationId: int,
 *     duplicateOf: ?int,
 *     vendorReference: string,
 *     vendorUrl: string,
 *     supportCount: int,
 *     supportedByMe: bool,
 *     canEdit: bool,
 *     allowedStatuses: list<PilotFeedbackItemStatus>,
 *     version: int,
 *     createdAt: int,
 *     updatedAt: int,
 * }
 * @field-description PilotFeedbackItem.body Markdown source
 * @field-description PilotFeedbackItem.vendorUrl https URL of the vendor's ticket; empty when none
 * @field-description PilotFeedbackItem.allowedStatuses The statuses the current user may set next (empty unless they triage); the rule the server enforces
 * @field-description PilotFeedbackItem.version Raised by every edit, triage, merge and unmerge (not by support); send it back with PUT /items/{id} and PUT /items/{id}/status
 * @field-description PilotFeedbackItem.createdAt Unix seconds
 * @field-description PilotFeedbackItem.updatedAt Unix seconds
 * @psalm-type PilotFeedbackItemAttachment = array{fileId: int, name: string, mimetype: string}
 * @psalm-type PilotFeedbackItemHistoryEntry = array{
 *     id: int,
 *     userId: string,
 *     userName: string,
 *     field: string,
 *     oldValue: ?string,
 *     newValue: ?string,
 *     createdAt: int,
 * }
 * @field-description PilotFeedbackItemHistoryEntry.createdAt Unix seconds
 * @psalm-type PilotFeedbackItemSupporter = array{userId: string, displayName: string, organisationId: int, mergedFrom: ?int, priority: PilotFeedbackPriority}
 * @field-description PilotFeedbackItemSupporter.mergedFrom The merged duplicate this support was moved from; null for direct support
 * @field-description PilotFeedbackItemSupporter.priority The priority the supporter gave for their organisation; for support given before supporters chose one, the priority of the item supported
 * @psalm-type PilotFeedbackMergedDuplicate = array{id: int, title: string, organisationId: int, priority: PilotFeedbackPriority}
 * @psalm-type PilotFeedbackOrganisationPriority = array{organisationId: int, priority: PilotFeedbackPriority}
 * @field-description PilotFeedbackOrganisationPriority.priority The highest priority the organisation's reporter and supporters gave, including merged duplicates
 * @psalm-type PilotFeedbackItemDetail = PilotFeedbackItem&array{attachments: list<PilotFeedbackItemAttachment>, history: list<PilotFeedbackItemHistoryEntry>, supporters: list<PilotFeedbackItemSupporter>, canChangeStatus: bool, mergedDuplicates: list<PilotFeedbackMergedDuplicate>, priorityPerOrganisation: list<PilotFeedbackOrganisationPriority>}
 * @psalm-type PilotFeedbackItemConflict = array{message: string, current: PilotFeedbackItemDetail}
 * @field-description PilotFeedbackItemConflict.message A sentence a person can act on
 * @field-description PilotFeedbackItemConflict.current The item as it is now, with its current version
 * @psalm-type PilotFeedbackItemPage = array{items: list<PilotFeedbackItem>, total: int, totalCapped: bool, page: int, limit: int}
 * @field-description PilotFeedbackItemPage.total How many items match; with totalCapped, more than this many
 * @field-description PilotFeedbackItemPage.totalCapped True when a text search (q) found more matches than it counts (200 past the page's start, rounded up to whole pages): more than total match
 * @psalm-type PilotFeedbackBulkTriageResult = array{ids: list<int>, changed: int, historyEntries: int}
 * @field-description PilotFeedbackBulkTriageResult.ids The items of the request, each once
 * @field-description PilotFeedbackBulkTriageResult.changed How many of them changed (the others had the values already)
 * @field-description PilotFeedbackBulkTriageResult.historyEntries History entries written: one per item and changed field
 * @psalm-type PilotFeedbackItemSuggestion = array{id: int, title: string, type: PilotFeedbackItemType, status: PilotFeedbackItemStatus, supportCount: int}
 * @psalm-type PilotFeedbackItemComment = array{
 *     id: int,
 *     actorId: string,
 *     actorName: string,
 *     message: string,
 *     createdAt: int,
 * }
 * @field-description PilotFeedbackItemComment.createdAt Unix seconds
 * @psalm-type PilotFeedbackRelease = array{
 *     organisationId: int,
 *     periodId: int,
 *     userId: string,
 *     releasedAt: int,
 * }
 * @field-description PilotFeedbackRelease.releasedAt Unix seconds
 * @psalm-type PilotFeedbackProgressMember = array{userId: string, displayName: string, ratedComponentIds: list<int>}
 * @field-description PilotFeedbackProgressMember.ratedComponentIds The components the member rated in the period in every active pilot of the organisation that contains them
 * @psalm-type PilotFeedbackReleaseEvent = array{action: 'released'|'reopened', userId: string, displayName: string, at: int}
 * @field-description PilotFeedbackReleaseEvent.at Unix seconds
 * @psalm-type PilotFeedbackOrganisationProgress = array{period: PilotFeedbackPeriod, organisationId: int, componentIds: list<int>, members: list<PilotFeedbackProgressMember>, release: ?PilotFeedbackRelease, history: list<PilotFeedbackReleaseEvent>}
 * @field-description PilotFeedbackOrganisationProgress.members The organisation's testers: the members of its groups, without its coordinators unless they rated in the period
 * @field-description PilotFeedbackOrganisationProgress.history Who released and who reopened the period's feedback, and when; oldest first
 * @psalm-type PilotFeedbackScore = array{criterionId: int, score: ?int}
 * @psalm-type PilotFeedbackConsolidationRange = array{from: string, to: string, months: list<string>}
 * @psalm-type PilotFeedbackRatingStats = array{mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}
 * @psalm-type PilotFeedbackCriterionResult = PilotFeedbackRatingStats&array{criterionId: int}
 * @psalm-type PilotFeedbackComponentResult = array{componentId: int, assessments: int, overall: PilotFeedbackRatingStats, criteria: list<PilotFeedbackCriterionResult>}
 * @psalm-type PilotFeedbackOrganisationResult = array{organisationId: int, components: list<PilotFeedbackComponentResult>}
 * @psalm-type PilotFeedbackConsolidationResults = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, components: list<PilotFeedbackComponentResult>, organisations: list<PilotFeedbackOrganisationResult>}
 * @psalm-type PilotFeedbackTrendPoint = array{month: string, mean: ?float, n: int, lowN: bool}
 * @psalm-type PilotFeedbackTrendSeries = array{componentId: int, criterionId: ?int, points: list<PilotFeedbackTrendPoint>}
 * @psalm-type PilotFeedbackConsolidationTrend = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, organisationId: ?int, lowRatingThreshold: int, series: list<PilotFeedbackTrendSeries>}
 * @psalm-type PilotFeedbackParticipationRelease = array{userId: string, displayName: string, releasedAt: int}
 * @field-description PilotFeedbackParticipationRelease.displayName Who released: the display name, or the pseudonym of an account deleted since
 * @psalm-type PilotFeedbackParticipationRow = array{organisationId: int, month: string, periodId: ?int, testers: int, testersWithAssessment: int, componentsRated: int, assessments: int, release: ?PilotFeedbackParticipationRelease}
 * @field-description PilotFeedbackParticipationRow.testers The members of the organisation's groups today (its coordinators only if they rated that month), everyone who rated for it that month, and its testers whose accounts were deleted that month
 * @psalm-type PilotFeedbackParticipation = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, componentsInPilot: int, rows: list<PilotFeedbackParticipationRow>}
 * @psalm-type PilotFeedbackItemCount = array{componentId: int, type: PilotFeedbackItemType, priority: PilotFeedbackPriority, status: PilotFeedbackItemStatus, count: int}
 * @psalm-type PilotFeedbackItemSummary = array{id: int, title: string, type: PilotFeedbackItemType, priority: PilotFeedbackPriority, status: PilotFeedbackItemStatus, componentId: int, organisationId: int, createdAt: int}
 * @psalm-type PilotFeedbackRankedItem = array{id: int, title: string, type: PilotFeedbackItemType, priority: PilotFeedbackPriority, supportCount: int, score: int, organisations: int}
 * @psalm-type PilotFeedbackItemsOverview = array{pilotId: int, range: PilotFeedbackConsolidationRange, counts: list<PilotFeedbackItemCount>, organisationIds: list<int>, organisations?: list<array{organisationId: int, counts: list<PilotFeedbackItemCount>}>, openUrgent: list<PilotFeedbackItemSummary>, perMonth: list<array{month: string, filed: int, closed: int}>, ranking: list<PilotFeedbackRankedItem>, rankingWeights: array{low: int, medium: int, high: int, critical: int}}
 * @field-description PilotFeedbackItemsOverview.counts Across all organisations (every item the caller may see)
 * @field-description PilotFeedbackItemsOverview.organisationIds The organisations whose breakdown the caller may ask for (organisationId)
 * @field-description PilotFeedbackItemsOverview.organisations The breakdown of the organisation asked for (organisationId); absent when none was
 * @psalm-type PilotFeedbackReportType = 'monthly'|'quarterly'|'export'
 * @psalm-type PilotFeedbackReportStatus = 'queued'|'running'|'done'|'failed'
 * @psalm-type PilotFeedbackReport = array{
 *     id: int,
 *     type: PilotFeedbackReportType,
 *     pilotId: ?int,
 *     organisationId: ?int,
 *     period: string,
 *     format: string,
 *     language: string,
 *     pseudonymised: bool,
 *     releasedOnly: bool,
 *     origin: 'request'|'cadence',
 *     requestedBy: string,
 *     requestedByName: string,
 *     status: PilotFeedbackReportStatus,
 *     error: ?string,
 *     fileId: ?int,
 *     fileName: ?string,
 *     path: ?string,
 *     createdAt: int,
 *     finishedAt: ?int,
 * }
 * @field-description PilotFeedbackReport.pilotId The pilot, or null for all pilots
 * @field-description PilotFeedbackReport.organisationId The one organisation the report is about, or null for all
 * @field-description PilotFeedbackReport.period The month (2026-03) or quarter (2026-Q1)
 * @field-description PilotFeedbackReport.pseudonymised False only for an export with tester names
 * @field-description PilotFeedbackReport.releasedOnly Whether the figures count released feedback only (else all feedback, released or not)
 * @field-description PilotFeedbackReport.origin Asked for by a person, or made by the admin's cadence
 * @field-description PilotFeedbackReport.requestedBy The user whose Files hold the file
 * @field-description PilotFeedbackReport.error Why it failed, in the caller's language
 * @field-description PilotFeedbackReport.fileId The Nextcloud file id; open it at /f/{fileId}
 * @field-description PilotFeedbackReport.path The file's path inside the owner's Files
 * @psalm-type PilotFeedbackReportPage = array{reports: list<PilotFeedbackReport>, total: int, page: int, limit: int}
 * @psalm-type PilotFeedbackReportDeleted = array{id: int, fileRemoved: bool}
 * @field-description PilotFeedbackReportDeleted.id The report that was deleted
 * @field-description PilotFeedbackReportDeleted.fileRemoved Whether its file was deleted too (into its owner's trash bin); false when there was none, or it was renamed, moved away or deleted already
 * @psalm-type PilotFeedbackReportFormats = array{documents: list<string>, exports: list<string>}
 * @psalm-type PilotFeedbackReportText = array{componentId: ?int, body: string, version: int, updatedBy: ?string, updatedByName: ?string, updatedAt: ?int}
 * @field-description PilotFeedbackReportText.componentId The component commented on; null for the foreword
 * @field-description PilotFeedbackReportText.body Markdown as the consolidator wrote it (HTML in it is sanitised where it is shown); empty when there is no text
 * @field-description PilotFeedbackReportText.version Raised by every save; 0 when the text was never written. Send it back with the next save
 * @field-description PilotFeedbackReportText.updatedBy User id (or pseudonym, once the account is gone) of who saved the current version; null when never written
 * @field-description PilotFeedbackReportText.updatedAt Unix seconds of the last save; null when never written
 * @psalm-type PilotFeedbackReportTexts = array{pilotId: int, period: string, foreword: PilotFeedbackReportText, components: list<PilotFeedbackReportText>}
 * @field-description PilotFeedbackReportTexts.period A month (2026-11) or a quarter (2026-Q4)
 * @field-description PilotFeedbackReportTexts.components The comment of every component that has or had one, by component id
 * @psalm-type PilotFeedbackReportTextVersion = array{version: int, body: string, changedBy: string, changedByName: string, changedAt: int}
 * @field-description PilotFeedbackReportTextVersion.body The text as saved in this version; empty: the text was removed
 * @psalm-type PilotFeedbackReportTextConflict = array{message: string, current: PilotFeedbackReportText}
 * @field-description PilotFeedbackReportTextConflict.message A sentence a person can act on
 * @field-description PilotFeedbackReportTextConflict.current The text as it is now, with its current version
 * @field-description PilotFeedbackReportFormats.documents Formats of the monthly and quarterly reports (odt, docx …; pdf only where a file conversion provider such as Nextcloud Office makes it)
 * @field-description PilotFeedbackReportFormats.exports Formats of the data export (ods, xlsx, csv)
 * @psalm-type PilotFeedbackReportFolder = array{folder: string, default: string}
 * @field-description PilotFeedbackReportFolder.folder The folder inside the user's Files that reports go into (a subfolder per period)
 * @psalm-type PilotFeedbackReportCadence = array{monthly: bool, quarterly: bool, pilotIds: list<int>, consolidator: string, format: string, language: 'de'|'en'}
 * @field-description PilotFeedbackReportCadence.monthly Make the monthly status report of the previous month on the first working day of each month
 * @field-description PilotFeedbackReportCadence.quarterly Make the quarterly report of the previous quarter after each quarter ends
 * @field-description PilotFeedbackReportCadence.pilotIds The pilots to report on; empty: one report over all pilots
 * @field-description PilotFeedbackReportCadence.consolidator The consolidator whose Files receive the reports; empty: none chosen (the cadence makes nothing)
 * @field-description PilotFeedbackReportCadence.format Document format of the reports (odt or docx)
 * @psalm-type PilotFeedbackNotificationSettings = array{status_changed: bool, merged: bool, commented: bool, rating_reminder: bool, release_missing: bool, released: bool}
 * @field-description PilotFeedbackNotificationSettings.status_changed Status changes of items one filed or supports
 * @field-description PilotFeedbackNotificationSettings.merged Items one filed or supports merged into another
 * @field-description PilotFeedbackNotificationSettings.commented Comments on items one filed
 * @field-description PilotFeedbackNotificationSettings.rating_reminder Reminder to rate before a period closes
 * @field-description PilotFeedbackNotificationSettings.release_missing Coordinators: a period closed without the organisation's release
 * @field-description PilotFeedbackNotificationSettings.released Consolidators: an organisation released its feedback
 * @psalm-type PilotFeedbackAccessibilityStatement = array{markdown: string, contact: string}
 * @field-description PilotFeedbackAccessibilityStatement.markdown The accessibility statement in the reader's language (Markdown); the shipped template until the administrator writes one
 * @field-description PilotFeedbackAccessibilityStatement.contact Where a barrier is reported: an e-mail address or an https URL; empty when none is set
 *
 * @psalm-type PilotFeedbackAccessibilitySettings = array{statementDe: string, statementEn: string, contact: string, templateDe: string, templateEn: string}
 * @field-description PilotFeedbackAccessibilitySettings.statementDe The administrator's German statement (Markdown); empty: the template is shown
 * @field-description PilotFeedbackAccessibilitySettings.statementEn The administrator's English statement (Markdown); empty: the template is shown
 * @field-description PilotFeedbackAccessibilitySettings.contact Where a barrier is reported: an e-mail address or an https URL; empty for none
 * @field-description PilotFeedbackAccessibilitySettings.templateDe The shipped German template
 * @field-description PilotFeedbackAccessibilitySettings.templateEn The shipped English template
 *
 * @psalm-type PilotFeedbackReportTemplate = array{format: string, name: string, size: int, chosenBy: string, chosenAt: int}
 * @field-description PilotFeedbackReportTemplate.format odt or docx
 * @field-description PilotFeedbackReportTemplate.name The chosen file's name
 * @field-description PilotFeedbackReportTemplate.size Its size in bytes
 * @field-description PilotFeedbackReportTemplate.chosenBy The user id of the administrator who chose it
 * @field-description PilotFeedbackReportTemplate.chosenAt When it was chosen (Unix seconds)
 *
 * @psalm-type PilotFeedbackReportTemplates = array{odt: ?PilotFeedbackReportTemplate, docx: ?PilotFeedbackReportTemplate}
 *
 * @psalm-type PilotFeedbackIntegrationSettings = array{reminderDays: int, pseudonymiseAfterMonths: int}
 * @field-description PilotFeedbackIntegrationSettings.reminderDays Days before a period's month ends on which testers who have not rated everything are reminded; 0: never
 * @field-description PilotFeedbackIntegrationSettings.pseudonymiseAfterMonths Months after which the reporters of closed (done, verified, rejected, duplicate) items are pseudonymised; 0: never
 * @psalm-type PilotFeedbackSummary = array{id: int, status: 'scheduled'|'running'|'successful'|'failed', text: ?string, machineGenerated: bool}
 * @field-description PilotFeedbackSummary.id Task id of Nextcloud's TaskProcessing
 * @field-description PilotFeedbackSummary.text The summary once successful, otherwise null
 * @field-description PilotFeedbackSummary.machineGenerated Always true: the text was written by a machine and must be labelled so
 * @psalm-type PilotFeedbackSummaryAvailability = array{available: bool}
 * @psalm-type PilotFeedbackMonthItem = PilotFeedbackItemSummary&array{updatedAt: int, filedByMe: bool}
 * @psalm-type PilotFeedbackMonthItemList = array{items: list<PilotFeedbackMonthItem>, total: int}
 * @field-description PilotFeedbackMonthItemList.items The first ten; each with updatedAt (Unix seconds of its last change) and filedByMe (whether the caller filed it)
 * @field-description PilotFeedbackMonthItemList.total How many there are in all
 * @psalm-type PilotFeedbackMonthComponent = array{id: int, name: string, pilotId: int, pilotTitle: string}
 * @field-description PilotFeedbackMonthComponent.pilotId The active pilot the component is rated in (the first of the caller's that holds it)
 * @psalm-type PilotFeedbackMonthTester = array{toRate: list<PilotFeedbackMonthComponent>, componentCount: int, ratedCount: int, changedItems: list<PilotFeedbackMonthItem>}
 * @field-description PilotFeedbackMonthTester.toRate The components the caller has not rated yet in the open period, per pilot (a component in two pilots is rated in each; a comment alone is no rating); without the pilots their organisation has released
 * @field-description PilotFeedbackMonthTester.componentCount How many ratings the caller gives: each component of each of their organisations' active pilots
 * @field-description PilotFeedbackMonthTester.ratedCount How many of them the caller has given in the open period
 * @field-description PilotFeedbackMonthTester.changedItems Items the caller filed or supports that changed since their last visit (lastVisit), most recent change first; at most ten
 * @psalm-type PilotFeedbackMonthCoordinatorName = array{userId: string, displayName: string}
 * @psalm-type PilotFeedbackMonthRelease = array{organisationId: int, name: string, shortName: string, state: 'released'|'pending'|'overdue'|'none', release: ?PilotFeedbackRelease, unreleasedMonths: list<string>, coordinators: list<PilotFeedbackMonthCoordinatorName>}
 * @field-description PilotFeedbackMonthRelease.state released: the open period is released; pending: not yet, before the deadline; overdue: the deadline passed without a release, or an earlier period with ratings was never released; none: no period is open and nothing is overdue
 * @field-description PilotFeedbackMonthRelease.release The release of the open period, if any
 * @field-description PilotFeedbackMonthRelease.unreleasedMonths Months (YYYY-MM) of the six periods before the open one in which the organisation's testers rated but which it never released, newest first
 * @field-description PilotFeedbackMonthRelease.coordinators Who a reminder goes to
 * @psalm-type PilotFeedbackMonthComponentName = array{id: int, name: string}
 * @psalm-type PilotFeedbackMonthOrganisation = PilotFeedbackMonthRelease&array{components: list<PilotFeedbackMonthComponentName>, members: list<PilotFeedbackProgressMember>, securityFindings: PilotFeedbackMonthItemList}
 * @psalm-type PilotFeedbackMonthCoordinator = array{organisations: list<PilotFeedbackMonthOrganisation>}
 * @field-description PilotFeedbackMonthCoordinator.organisations The organisations the caller coordinates, never another one: each with its release state, the components its testers rate in the open period, who of its testers has rated which of them (members, as GET /organisations/{id}/progress) and its open security findings, highest priority first
 * @psalm-type PilotFeedbackMonthConsolidator = array{board: list<PilotFeedbackMonthRelease>, triage: PilotFeedbackMonthItemList, urgent: PilotFeedbackMonthItemList, reports: list<PilotFeedbackReport>}
 * @field-description PilotFeedbackMonthConsolidator.board The release state of every active organisation
 * @field-description PilotFeedbackMonthConsolidator.triage Items whose status is still new, newest first
 * @field-description PilotFeedbackMonthConsolidator.urgent Open items of critical or high priority, highest first
 * @field-description PilotFeedbackMonthConsolidator.reports Reports queued or being made, and those that failed in the last 31 days, newest first; at most ten
 * @psalm-type PilotFeedbackMonth = array{period: ?PilotFeedbackPeriod, deadline: ?string, daysLeft: ?int, lastVisit: int, tester: ?PilotFeedbackMonthTester, coordinator: ?PilotFeedbackMonthCoordinator, consolidator: ?PilotFeedbackMonthConsolidator}
 * @field-description PilotFeedbackMonth.period The open reporting period (the newest one open); null when none is open
 * @field-description PilotFeedbackMonth.deadline The period's last day, YYYY-MM-DD (the app has no other deadline) @format date
 * @field-description PilotFeedbackMonth.daysLeft Days until the deadline (UTC): 0 on the day itself, negative once it has passed
 * @field-description PilotFeedbackMonth.lastVisit Unix seconds of the caller's previous visit of the app: what changed after it counts as new
 * @field-description PilotFeedbackMonth.tester For testers and coordinators of an organisation; otherwise null
 * @field-description PilotFeedbackMonth.coordinator For coordinators; otherwise null
 * @field-description PilotFeedbackMonth.consolidator For consolidators; otherwise null
 * @psalm-type PilotFeedbackReleaseReminder = array{organisationId: int, periodId: int, reminded: int}
 * @field-description PilotFeedbackReleaseReminder.reminded How many coordinators were notified
 */
class ResponseDefinitions {
}
