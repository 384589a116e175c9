<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Common;

use OCP\IURLGenerator;

/** Absolute links into the app's views (history-mode URLs below the app's page). */
class AppLinks {
	public function __construct(
		private IURLGenerator $urls,
	) {
	}

	/** The app's start page, ending with a slash. */
	public function home(): string {
		return rtrim($this->urls->linkToRouteAbsolute('pilotfeedback.page.index'), '/') . '/';
	}

	public function item(int $id): string {
		return $this->home() . 'items/' . $id;
	}

	/** A view of the app: "rate", "items", "coordination", "consolidation". */
	public function view(string $view): string {
		return $this->home() . $view;
	}

	/** A file of the user's Files by its id (Nextcloud's /f/{id} opens it in Files or the office app). */
	public function file(int $fileId): string {
		return $this->urls->linkToRouteAbsolute('files.View.showFile', ['fileid' => $fileId]);
	}

	/** The app's icon as an absolute URL. */
	public function icon(bool $dark = true): string {
		return $this->urls->getAbsoluteURL($this->urls->imagePath('pilotfeedback', $dark ? 'app-dark.svg' : 'app.svg'));
	}

	/** The item id in an app URL such as https://host/index.php/apps/pilotfeedback/items/12 (also with #/items/12), or null. */
	public function itemIdIn(string $url): ?int {
		$home = preg_quote(rtrim($this->urls->linkToRouteAbsolute('pilotfeedback.page.index'), '/'), '~');
		$homeNoIndex = str_replace('/index\.php', '', $home);
		if (preg_match('~^(?:' . $home . '|' . $homeNoIndex . ')/(?:#/)?items/(\d{1,18})/?(?:[?#].*)?$~', $url, $m) !== 1) {
			return null;
		}
		return (int)$m[1];
	}
}
