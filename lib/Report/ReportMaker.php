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
use OCP\Files\File;
use OCP\IUserManager;

/**
 * Makes the file of a recorded report as the one who asked for it, with their rights as they
 * are now, checked before a single row is read (an account gone, or no longer a consolidator
 * or the coordinator of the report's organisation, makes no report), and saves it into their
 * Files: "<report folder>/<period>/<title>.<format>", the name at most
 * ReportStorage::MAX_NAME_BYTES bytes long.
 */
class ReportMaker {
	public function __construct(
		private IUserManager $userManager,
		private ActorFactory $actors,
		private ReportRequestChecker $checker,
		private DocumentMaker $documents,
		private ReportStorage $storage,
	) {
	}

	/** The request a recorded report holds. */
	public static function requestOf(Report $report): ReportRequest {
		return new ReportRequest($report->getType(), $report->getPilotId(), $report->getPeriod(), $report->getFormat(), $report->getLanguage(), !($report->getPseudonymised() ?? true), $report->getOrgId(), $report->getReleasedOnly() ?? false);
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
		$request = self::requestOf($report);
		$this->checker->recheck($actor, $request);
		$folder = $report->getFolder() . '/' . $request->period;
		$extension = strlen($request->format) + 1;
		$name = $this->storage->fileName($this->documents->title($request, ReportStorage::MAX_NAME_BYTES - $extension), $request->format);
		return $this->storage->save($user->getUID(), $folder, $name, function ($stream) use ($actor, $request): void {
			$this->documents->write($actor, $request, $stream);
		});
	}
}
