import type { ComponentResult, ConsolidationTrend, ItemsOverview, Participation } from '../../../../../src/types/index.ts'

/** Fixtures shared by the chart specs: small API answers with known figures. */

export const names = {
	components: { 3: 'Files', 4: 'Talk' },
	criteria: { 7: 'Usability', 8: 'Stability' },
	organisations: { 9: 'RKI', 10: 'BSH' },
}

export const component: ComponentResult = {
	componentId: 3,
	assessments: 5,
	overall: { mean: 3.6666666, n: 3, sum: 11, distribution: [0, 1, 0, 1, 1], notAssessed: 2 },
	criteria: [
		{ criterionId: 7, mean: 2.5, n: 2, sum: 5, distribution: [0, 1, 1, 0, 0], notAssessed: 3 },
		{ criterionId: 8, mean: null, n: 0, sum: 0, distribution: [0, 0, 0, 0, 0], notAssessed: 5 },
	],
}

export const trend: ConsolidationTrend = {
	pilotId: 1,
	range: { from: '2026-01', to: '2026-03', months: ['2026-01', '2026-02', '2026-03'] },
	releasedOnly: false,
	organisationId: null,
	lowRatingThreshold: 3,
	series: [
		{
			componentId: 3,
			criterionId: 7,
			points: [
				{ month: '2026-01', mean: 4, n: 4, lowN: false },
				{ month: '2026-02', mean: 2, n: 1, lowN: true },
				{ month: '2026-03', mean: null, n: 0, lowN: false },
			],
		},
		{
			componentId: 3,
			criterionId: null,
			points: [
				{ month: '2026-01', mean: 3.25, n: 4, lowN: false },
				{ month: '2026-02', mean: 3, n: 3, lowN: false },
				{ month: '2026-03', mean: 4.5, n: 4, lowN: false },
			],
		},
		{ componentId: 4, criterionId: null, points: [{ month: '2026-01', mean: 1, n: 1, lowN: true }] },
	],
}

export const overview: ItemsOverview = {
	pilotId: 1,
	range: { from: '2026-01', to: '2026-02', months: ['2026-01', '2026-02'] },
	counts: [{ componentId: 3, type: 'defect', priority: 'high', status: 'new', count: 2 }],
	organisationIds: [10],
	organisations: [{ organisationId: 10, counts: [{ componentId: 3, type: 'defect', priority: 'high', status: 'new', count: 1 }] }],
	openUrgent: [],
	perMonth: [{ month: '2026-01', filed: 5, closed: 1 }, { month: '2026-02', filed: 0, closed: 3 }],
	ranking: [],
	rankingWeights: { low: 1, medium: 2, high: 4, critical: 8 },
}

export const participation: Participation = {
	pilotId: 1,
	range: { from: '2026-01', to: '2026-02', months: ['2026-01', '2026-02'] },
	releasedOnly: false,
	componentsInPilot: 2,
	rows: [
		{ organisationId: 9, month: '2026-01', periodId: 1, testers: 2, testersWithAssessment: 2, componentsRated: 2, assessments: 4, release: null },
		{ organisationId: 9, month: '2026-02', periodId: 2, testers: 2, testersWithAssessment: 1, componentsRated: 1, assessments: 1, release: null },
		{ organisationId: 10, month: '2026-01', periodId: 1, testers: 3, testersWithAssessment: 0, componentsRated: 0, assessments: 0, release: null },
		{ organisationId: 10, month: '2026-02', periodId: 2, testers: 3, testersWithAssessment: 3, componentsRated: 2, assessments: 5, release: null },
	],
}
