<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Dashboard;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Month\MonthService;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\Dashboard\Model\WidgetItem;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/**
 * For coordinators, the coordinator part of their start page: per organisation they
 * coordinate, where its release stands and how many of its testers have rated everything,
 * then its open security findings.
 *
 * @psalm-import-type PilotFeedbackMonthOrganisation from \OCA\PilotFeedback\ResponseDefinitions
 */
class CoordinatorWidget extends ItemsWidget {
	public function __construct(
		IL10N $l10n,
		ActorFactory $actors,
		AppLinks $links,
		IUserSession $userSession,
		IUserManager $userManager,
		private MonthService $month,
	) {
		parent::__construct($l10n, $actors, $links, $userSession, $userManager);
	}

	public function getId(): string {
		return 'pilotfeedback-coordinator';
	}

	public function getTitle(): string {
		return $this->l10n->t('Pilot Feedback: my organisation\'s month');
	}

	protected function isFor(Actor $actor): bool {
		return $actor->coordinatorOrgIds !== [];
	}

	protected function emptyMessage(): string {
		return $this->l10n->t('You coordinate no organisation.');
	}

	protected function items(Actor $actor, ?string $since, int $limit): array {
		$period = $this->month->period();
		$section = $this->month->coordinatorSection($actor, $period);
		if ($section === null) {
			return [];
		}
		$deadline = $period === null ? null : $this->month->deadlineOf($period)['deadline'];
		$entries = [];
		$findings = [];
		foreach ($section['organisations'] as $organisation) {
			$entries[] = new WidgetItem(
				$organisation['name'],
				$this->state($organisation, $period?->getMonth() ?? '', $deadline ?? ''),
				$this->links->view('coordination'),
				$this->links->icon(),
			);
			foreach ($organisation['securityFindings']['items'] as $item) {
				$findings[] = $this->itemEntry($item, $this->l10n->t('Open security finding: %1$s', [$this->itemFacts($item)]));
			}
		}
		return array_slice([...$entries, ...$findings], 0, $limit);
	}

	/** @param PilotFeedbackMonthOrganisation $organisation */
	private function state(array $organisation, string $month, string $deadline): string {
		$componentIds = array_map(static fn (array $c): int => $c['id'], $organisation['components']);
		$done = count(array_filter($organisation['members'], static fn (array $m): bool => array_diff($componentIds, $m['ratedComponentIds']) === []));
		$testers = $this->l10n->t('%1$s of %2$s testers have rated everything', [(string)$done, (string)count($organisation['members'])]);
		return match ($organisation['state']) {
			'released' => $this->l10n->t('Released for %1$s', [$month]),
			'pending' => $this->l10n->t('Not released yet, due %1$s · %2$s', [$deadline, $testers]),
			'overdue' => $this->l10n->t('Release overdue · %1$s', [$testers]),
			'none' => $this->l10n->t('No reporting period is open.'),
		};
	}
}
