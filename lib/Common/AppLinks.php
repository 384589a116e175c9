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

	/**
	 * The item id in an app URL such as https://host/index.php/apps/pilotfeedback/items/12 (also
	 * with #/items/12), or null. With or without "/index.php" whichever form this server writes
	 * its own links in: both open the app on a server with pretty URLs (front controller).
	 */
	public function itemIdIn(string $url): ?int {
		// "/apps/pilotfeedback", wherever the server lives, with its web root and "/index.php" cut off.
		$path = rtrim($this->urls->linkToRoute('pilotfeedback.page.index'), '/');
		$webroot = $this->urls->getWebroot();
		if ($webroot !== '' && str_starts_with($path, $webroot)) {
			$path = substr($path, strlen($webroot));
		}
		$path = preg_replace('~^/index\.php(?=/)~', '', $path) ?? $path;
		$home = rtrim($this->urls->linkToRouteAbsolute('pilotfeedback.page.index'), '/');
		$home = preg_replace('~/index\.php(?=' . preg_quote($path, '~') . '$)~', '', $home) ?? $home;
		if (!str_ends_with($home, $path)) {
			return null;
		}
		$base = substr($home, 0, strlen($home) - strlen($path));
		$pattern = '~^' . preg_quote($base, '~') . '(?:/index\.php)?' . preg_quote($path, '~') . '/(?:#/)?items/(\d{1,18})/?(?:[?#].*)?$~';
		if (preg_match($pattern, $url, $m) !== 1) {
			return null;
		}
		return (int)$m[1];
	}
}
