<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Consolidation;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Catalogue\CatalogueNames;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Db\ComponentMapper;
use OCA\PilotFeedback\Db\PeriodMapper;
use OCA\PilotFeedback\Exception\NotFoundException;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\People\Policy;
use OCP\DB\QueryBuilder\IQueryBuilder;
use OCP\IDBConnection;
use OCP\TaskProcessing\Exception\Exception as TaskProcessingException;
use OCP\TaskProcessing\IManager;
use OCP\TaskProcessing\Task;
use OCP\TaskProcessing\TaskTypes\TextToTextSummary;

/**
 * Optional machine-generated summaries of a component's free-text feedback (the comments of
 * the assessments) in a period, through Nextcloud's TaskProcessing, for consolidators. Only
 * when a provider offers the summary task type; otherwise the feature does not exist.
 *
 * @psalm-import-type PilotFeedbackSummary from \OCA\PilotFeedback\ResponseDefinitions
 */
class SummaryService {
	/** Most characters of feedback sent to the summary provider. */
	private const MAX_INPUT = 60000;

	public function __construct(
		private IManager $taskProcessing,
		private Policy $policy,
		private ComponentMapper $components,
		private PeriodMapper $periods,
		private IDBConnection $db,
		private CatalogueNames $names,
	) {
	}

	/** Whether a provider offers text summaries. */
	public function available(): bool {
		try {
			return array_key_exists(TextToTextSummary::ID, $this->taskProcessing->getAvailableTaskTypes());
		} catch (\Throwable) {
			return false;
		}
	}

	/**
	 * Asks for a summary of the component's free-text feedback in the period.
	 *
	 * @return PilotFeedbackSummary
	 */
	public function request(Actor $actor, mixed $componentId, mixed $periodId): array {
		$this->requireAllowed($actor);
		$component = $this->components->get(Validator::id($componentId, 'Component'));
		$period = $this->periods->get(Validator::id($periodId, 'Period'));
		$comments = $this->comments($component->getId(), $period->getId());
		if ($comments === []) {
			throw new ValidationException('There is no free-text feedback on %1$s in %2$s to summarise.', [$this->names->componentName($component), $period->getMonth()]);
		}
		$input = mb_substr(implode("\n\n---\n\n", $comments), 0, self::MAX_INPUT);
		$task = new Task(TextToTextSummary::ID, ['input' => $input], Application::APP_ID, $actor->userId, 'summary-' . $component->getId() . '-' . $period->getId());
		try {
			$this->taskProcessing->scheduleTask($task);
		} catch (TaskProcessingException) {
			throw new NotFoundException('No summary provider is available. Ask your administrator to install one (for example the Assistant).');
		}
		return $this->serialize($task);
	}

	/** @return PilotFeedbackSummary */
	public function get(Actor $actor, int $taskId): array {
		$this->requireAllowed($actor);
		try {
			$task = $this->taskProcessing->getUserTask($taskId, $actor->userId);
		} catch (TaskProcessingException) {
			throw new NotFoundException('Summary %1$s does not exist.', [(string)$taskId]);
		}
		if ($task->getAppId() !== Application::APP_ID) {
			throw new NotFoundException('Summary %1$s does not exist.', [(string)$taskId]);
		}
		return $this->serialize($task);
	}

	private function requireAllowed(Actor $actor): void {
		$this->policy->require($this->policy->canTriage($actor), 'Only consolidators ask for summaries.');
		if (!$this->available()) {
			throw new NotFoundException('No summary provider is available. Ask your administrator to install one (for example the Assistant).');
		}
	}

	/** @return list<string> the non-empty comments of the component's rated assessments in the period */
	private function comments(int $componentId, int $periodId): array {
		$qb = $this->db->getQueryBuilder();
		$qb->select('comment')->from('pf_assessments')
			->where($qb->expr()->eq('component_id', $qb->createNamedParameter($componentId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->eq('period_id', $qb->createNamedParameter($periodId, IQueryBuilder::PARAM_INT)))
			->andWhere($qb->expr()->isNotNull('comment'))
			// A comment without a score is a draft, counted nowhere: not summarised either.
			->andWhere($qb->expr()->eq('rated', $qb->createNamedParameter(1, IQueryBuilder::PARAM_INT)))
			->orderBy('id');
		$result = $qb->executeQuery();
		$comments = [];
		/** @var list<string|null> $rows */
		$rows = $result->fetchFirstColumn();
		foreach ($rows as $comment) {
			$text = trim((string)$comment);
			if ($text !== '') {
				$comments[] = $text;
			}
		}
		$result->closeCursor();
		return $comments;
	}

	/** @return PilotFeedbackSummary */
	private function serialize(Task $task): array {
		$status = match ($task->getStatus()) {
			Task::STATUS_SUCCESSFUL => 'successful',
			Task::STATUS_FAILED, Task::STATUS_CANCELLED => 'failed',
			Task::STATUS_RUNNING => 'running',
			default => 'scheduled',
		};
		$output = $task->getOutput()['output'] ?? null;
		return [
			'id' => $task->getId() ?? 0,
			'status' => $status,
			'text' => $status === 'successful' && is_string($output) ? $output : null,
			'machineGenerated' => true,
		];
	}
}
