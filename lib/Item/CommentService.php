<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Item;

use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Event\ItemCommented;
use OCA\PilotFeedback\Exception\ValidationException;
use OCA\PilotFeedback\Model\Actor;
use OCP\Comments\IComment;
use OCP\Comments\ICommentsManager;
use OCP\EventDispatcher\IEventDispatcher;
use OCP\IUserManager;

/**
 * Comments on report items, kept by Nextcloud's comments manager. Whoever may see an
 * item may read and write its comments; ItemReader::visible() decides that.
 *
 * @psalm-import-type PilotFeedbackItemComment from \OCA\PilotFeedback\ResponseDefinitions
 */
class CommentService {
	/** The comments object type of report items. */
	public const OBJECT_TYPE = 'pilotfeedback_item';

	public function __construct(
		private ItemReader $items,
		private ICommentsManager $comments,
		private IUserManager $userManager,
		private IEventDispatcher $dispatcher,
	) {
	}

	/** @return list<PilotFeedbackItemComment> oldest first */
	public function list(Actor $actor, int $itemId): array {
		$this->items->visible($actor, $itemId);
		$comments = $this->comments->getForObject(self::OBJECT_TYPE, (string)$itemId, 500);
		return array_reverse(array_map($this->serialize(...), $comments));
	}

	/** @return PilotFeedbackItemComment */
	public function add(Actor $actor, int $itemId, mixed $message): array {
		$item = $this->items->visible($actor, $itemId);
		$text = Validator::optionalText($message, 'Comment', IComment::MAX_MESSAGE_LENGTH);
		if ($text === '') {
			throw new ValidationException('Comment must not be empty.');
		}
		$comment = $this->comments->create('users', $actor->userId, self::OBJECT_TYPE, (string)$itemId);
		$comment->setMessage($text);
		$comment->setVerb('comment');
		$this->comments->save($comment);
		$this->dispatcher->dispatchTyped(new ItemCommented($item, $actor, $comment->getId()));
		return $this->serialize($comment);
	}

	/** @return PilotFeedbackItemComment */
	private function serialize(IComment $comment): array {
		return [
			'id' => (int)$comment->getId(),
			'actorId' => $comment->getActorId(),
			'actorName' => $this->userManager->getDisplayName($comment->getActorId()) ?? $comment->getActorId(),
			'message' => $comment->getMessage(),
			'createdAt' => $comment->getCreationDateTime()->getTimestamp(),
		];
	}
}
