<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Db;

use OCP\AppFramework\Db\Entity;

final class EntityState {
	/**
	 * Whether the entity is not stored yet, so that saving it is an insert. OCP declares
	 * Entity::$id as int, but it is null until the mapper inserts the entity.
	 */
	public static function isNew(Entity $entity): bool {
		/** @var int|null $id */
		$id = $entity->getId();
		return $id === null;
	}
}
