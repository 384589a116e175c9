<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback;

/**
 * Every response shape of the OCS API; openapi.json mirrors these.
 *
 * @psalm-type PilotFeedbackPilot = array{id: int, title: string, description: string, status: 'planned'|'active'|'closed', startDate: ?string, endDate: ?string, archived: bool, componentIds: list<int>}
 * @psalm-type PilotFeedbackComponent = array{id: int, name: string, category: string, product: string, description: string, archived: bool, pilotIds: list<int>}
 * @psalm-type PilotFeedbackCriterion = array{id: int, name: string, description: string, sortOrder: int, archived: bool}
 * @psalm-type PilotFeedbackOrganisation = array{id: int, name: string, shortName: string, groupIds: list<string>, coordinatorIds: list<string>, pilotIds: list<int>, archived: bool}
 * @psalm-type PilotFeedbackPeriod = array{id: int, month: string, status: 'open'|'closed'}
 * @psalm-type PilotFeedbackAppSettings = array{consolidatorGroup: string, lowRatingThreshold: int}
 * @psalm-type PilotFeedbackMe = array{userId: string, displayName: string, isAdmin: bool, isConsolidator: bool, organisations: list<array{id: int, name: string, shortName: string, isCoordinator: bool}>}
 * @psalm-type PilotFeedbackCatalogue = array{pilots: list<PilotFeedbackPilot>, components: list<PilotFeedbackComponent>, criteria: list<PilotFeedbackCriterion>, organisations: list<PilotFeedbackOrganisation>, periods: list<PilotFeedbackPeriod>}
 * @psalm-type PilotFeedbackScore = array{criterionId: int, score: ?int}
 * @psalm-type PilotFeedbackAssessment = array{id: int, componentId: int, periodId: int, userId: string, organisationId: int, overall: ?int, comment: string, scores: list<PilotFeedbackScore>, updatedAt: int}
 * @psalm-type PilotFeedbackRatingSheet = array{period: ?PilotFeedbackPeriod, criteria: list<PilotFeedbackCriterion>, components: list<PilotFeedbackComponent>, assessments: list<PilotFeedbackAssessment>}
 * @psalm-type PilotFeedbackItem = array{id: int, type: string, title: string, body: string, componentId: int, pilotId: int, priority: string, consolidatedPriority: ?string, status: string, reporterId: string, reporterName: string, organisationId: int, duplicateOf: ?int, vendorReference: string, supportCount: int, supportedByMe: bool, canEdit: bool, createdAt: int, updatedAt: int}
 * @psalm-type PilotFeedbackItemAttachment = array{fileId: int, name: string, mimetype: string}
 * @psalm-type PilotFeedbackItemHistoryEntry = array{id: int, userId: string, userName: string, field: string, oldValue: ?string, newValue: ?string, createdAt: int}
 * @psalm-type PilotFeedbackItemSupporter = array{userId: string, displayName: string, organisationId: int}
 * @psalm-type PilotFeedbackItemDetail = PilotFeedbackItem&array{attachments: list<PilotFeedbackItemAttachment>, history: list<PilotFeedbackItemHistoryEntry>, supporters: list<PilotFeedbackItemSupporter>, canChangeStatus: bool}
 * @psalm-type PilotFeedbackItemPage = array{items: list<PilotFeedbackItem>, total: int, page: int, limit: int}
 * @psalm-type PilotFeedbackItemSuggestion = array{id: int, title: string, type: string, status: string, supportCount: int}
 * @psalm-type PilotFeedbackItemComment = array{id: int, actorId: string, actorName: string, message: string, createdAt: int}
 * @psalm-type PilotFeedbackRelease = array{organisationId: int, periodId: int, userId: string, releasedAt: int}
 * @psalm-type PilotFeedbackOrganisationProgress = array{period: PilotFeedbackPeriod, organisationId: int, componentIds: list<int>, members: list<array{userId: string, displayName: string, ratedComponentIds: list<int>}>, release: ?PilotFeedbackRelease}
 * @psalm-type PilotFeedbackConsolidationRange = array{from: string, to: string, months: list<string>}
 * @psalm-type PilotFeedbackRatingStats = array{mean: ?float, n: int, sum: int, distribution: list<int>, notAssessed: int}
 * @psalm-type PilotFeedbackCriterionResult = PilotFeedbackRatingStats&array{criterionId: int}
 * @psalm-type PilotFeedbackComponentResult = array{componentId: int, assessments: int, overall: PilotFeedbackRatingStats, criteria: list<PilotFeedbackCriterionResult>}
 * @psalm-type PilotFeedbackOrganisationResult = array{organisationId: int, components: list<PilotFeedbackComponentResult>}
 * @psalm-type PilotFeedbackConsolidationResults = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, components: list<PilotFeedbackComponentResult>, organisations: list<PilotFeedbackOrganisationResult>}
 * @psalm-type PilotFeedbackTrendPoint = array{month: string, mean: ?float, n: int, lowN: bool}
 * @psalm-type PilotFeedbackTrendSeries = array{componentId: int, criterionId: ?int, points: list<PilotFeedbackTrendPoint>}
 * @psalm-type PilotFeedbackConsolidationTrend = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, organisationId: ?int, lowRatingThreshold: int, series: list<PilotFeedbackTrendSeries>}
 * @psalm-type PilotFeedbackParticipationRelease = array{userId: string, releasedAt: int}
 * @psalm-type PilotFeedbackParticipationRow = array{organisationId: int, month: string, periodId: ?int, testers: int, testersWithAssessment: int, componentsRated: int, assessments: int, release: ?PilotFeedbackParticipationRelease}
 * @psalm-type PilotFeedbackParticipation = array{pilotId: int, range: PilotFeedbackConsolidationRange, releasedOnly: bool, componentsInPilot: int, rows: list<PilotFeedbackParticipationRow>}
 * @psalm-type PilotFeedbackItemCount = array{componentId: int, type: string, priority: string, status: string, count: int}
 * @psalm-type PilotFeedbackItemSummary = array{id: int, title: string, type: string, priority: string, status: string, componentId: int, organisationId: int, createdAt: int}
 * @psalm-type PilotFeedbackRankedItem = array{id: int, title: string, type: string, priority: string, supportCount: int, score: int, organisations: int}
 * @psalm-type PilotFeedbackItemsOverview = array{pilotId: int, range: PilotFeedbackConsolidationRange, counts: list<PilotFeedbackItemCount>, organisations: list<array{organisationId: int, counts: list<PilotFeedbackItemCount>}>, openUrgent: list<PilotFeedbackItemSummary>, perMonth: list<array{month: string, filed: int, closed: int}>, ranking: list<PilotFeedbackRankedItem>, rankingWeights: array{low: int, medium: int, high: int, critical: int}}
 */
class ResponseDefinitions {
}
