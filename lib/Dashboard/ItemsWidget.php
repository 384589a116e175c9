<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Dashboard;

use OCA\PilotFeedback\Common\AppLinks;
use OCA\PilotFeedback\Common\Labels;
use OCA\PilotFeedback\Model\Actor;
use OCA\PilotFeedback\Model\Priority;
use OCA\PilotFeedback\People\ActorFactory;
use OCP\Dashboard\IAPIWidgetV2;
use OCP\Dashboard\IButtonWidget;
use OCP\Dashboard\IConditionalWidget;
use OCP\Dashboard\IIconWidget;
use OCP\Dashboard\Model\WidgetButton;
use OCP\Dashboard\Model\WidgetItem;
use OCP\Dashboard\Model\WidgetItems;
use OCP\IL10N;
use OCP\IUserManager;
use OCP\IUserSession;

/**
 * The common part of the app's dashboard widgets (API v2, so that the mobile clients show
 * them too): shown to those with the role, with a button into the app. They show what the
 * app's start page shows (MonthService), so that both tell the same.
 *
 * @psalm-import-type PilotFeedbackMonthItem from \OCA\PilotFeedback\ResponseDefinitions
 */
abstract class ItemsWidget implements IAPIWidgetV2, IButtonWidget, IIconWidget, IConditionalWidget {
	public function __construct(
		protected IL10N $l10n,
		protected ActorFactory $actors,
		protected AppLinks $links,
		private IUserSession $userSession,
		private IUserManager $userManager,
	) {
	}

	/** Whether the widget is for this user. */
	abstract protected function isFor(Actor $actor): bool;

	/** @return list<WidgetItem> */
	abstract protected function items(Actor $actor, ?string $since, int $limit): array;

	abstract protected function emptyMessage(): string;

	public function getOrder(): int {
		return 30;
	}

	public function getIconClass(): string {
		return 'icon-pilotfeedback';
	}

	public function getIconUrl(): string {
		return $this->links->icon();
	}

	public function getUrl(): ?string {
		return $this->links->home();
	}

	public function load(): void {
	}

	public function isEnabled(): bool {
		$user = $this->userSession->getUser();
		return $user !== null && $this->isFor($this->actors->forUser($user));
	}

	public function getItemsV2(string $userId, ?string $since = null, int $limit = 7): WidgetItems {
		$user = $this->userManager->get($userId);
		$actor = $user === null ? null : $this->actors->forUser($user);
		if ($actor === null || !$this->isFor($actor)) {
			return new WidgetItems([], $this->emptyMessage());
		}
		return new WidgetItems($this->items($actor, $since, max(1, min(30, $limit))), $this->emptyMessage());
	}

	public function getWidgetButtons(string $userId): array {
		return [new WidgetButton(WidgetButton::TYPE_MORE, $this->links->home(), $this->l10n->t('Open Pilot Feedback'))];
	}

	/** @param PilotFeedbackMonthItem $item an item of the start page (MonthItems) */
	protected function itemEntry(array $item, string $subtitle): WidgetItem {
		return new WidgetItem($item['title'], $subtitle, $this->links->item($item['id']), $this->links->icon(), (string)$item['updatedAt']);
	}

	/** @param PilotFeedbackMonthItem $item */
	protected function itemFacts(array $item): string {
		return implode(' · ', [
			Labels::type($this->l10n, $item['type']),
			Labels::status($this->l10n, $item['status']),
			Labels::priority($this->l10n, Priority::fromKey($item['priority'])->value),
		]);
	}
}
