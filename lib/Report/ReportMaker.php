<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report;

use OCA\PilotFeedback\Db\Report;
use OCA\PilotFeedback\Exception\DomainError;
use OCA\PilotFeedback\Exception\ReportFailedException;
use OCA\PilotFeedback\People\ActorFactory;
use OCA\PilotFeedback\People\Policy;
use OCP\Files\File;
use OCP\IUserManager;

/**
 * Makes the file of a recorded report as the one who asked for it, with their rights as they
 * are now (an account gone, or no longer a consolidator or coordinator, makes no report), and
 * saves it into their Files: "<report folder>/<period>/<title>.<format>".
 */
class ReportMaker {
	public function __construct(
		private IUserManager $userManager,
		private ActorFactory $actors,
		private Policy $policy,
		private ReportRequestChecker $checker,
		private DocumentMaker $documents,
		private ReportStorage $storage,
	) {
	}

	/**
	 * @throws ReportFailedException|DomainError why the report could not be made, in words
	 */
	public function make(Report $report): File {
		$user = $this->userManager->get($report->getRequestedBy());
		if ($user === null) {
			throw new ReportFailedException('The account %1$s that asked for the report no longer exists.', [$report->getRequestedBy()]);
		}
		$actor = $this->actors->forUser($user);
		$this->checker->requireReporter($actor);
		$request = new ReportRequest($report->getType(), $report->getPilotId(), $report->getPeriod(), $report->getFormat(), $report->getLanguage(), !($report->getPseudonymised() ?? true), $report->getOrgId());
		$this->policy->require(!$request->withNames || $actor->isConsolidator, 'Only consolidators may ask for tester names.');
		$folder = $report->getFolder() . '/' . $request->period;
		$name = $this->storage->fileName($this->documents->title($request), $request->format);
		return $this->storage->save($user->getUID(), $folder, $name, function ($stream) use ($actor, $request): void {
			$this->documents->write($actor, $request, $stream);
		});
	}
}
