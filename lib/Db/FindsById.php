<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCA\PilotFeedback\Exception\NotFoundException;
use OCP\AppFramework\Db\DoesNotExistException;
use OCP\AppFramework\Db\Entity;
use OCP\DB\QueryBuilder\IQueryBuilder;

/**
 * Looks a record up by id for a QBMapper, answering an unknown id with a 404 whose
 * message (a template with the id as %1$s) a person can read.
 *
 * @template T of Entity
 */
trait FindsById {
	/**
	 * @return T
	 * @throws NotFoundException
	 */
	protected function findById(int $id, string $notFoundMessage): Entity {
		$qb = $this->db->getQueryBuilder();
		$qb->select('*')->from($this->getTableName())
			->where($qb->expr()->eq('id', $qb->createNamedParameter($id, IQueryBuilder::PARAM_INT)));
		try {
			return $this->findEntity($qb);
		} catch (DoesNotExistException) {
			throw new NotFoundException($notFoundMessage, [(string)$id]);
		}
	}
}
