<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

/**
 * Finds a TrueType font for GD: Noto Sans or DejaVu Sans at their Debian, Fedora and Alpine
 * paths (packages fonts-noto-core, fonts-dejavu-core). Null when none is installed; the PNG
 * renderer then falls back to GD's built-in bitmap font.
 */
final class FontLocator {
	private const REGULAR = [
		'/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf',
		'/usr/share/fonts/noto/NotoSans-Regular.ttf',
		'/usr/share/fonts/google-noto/NotoSans-Regular.ttf',
		'/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
		'/usr/share/fonts/dejavu/DejaVuSans.ttf',
		'/usr/share/fonts/TTF/DejaVuSans.ttf',
	];

	/** @param list<string> $candidates */
	public function __construct(
		private array $candidates = self::REGULAR,
	) {
	}

	public function regular(): ?string {
		foreach ($this->candidates as $path) {
			if (is_readable($path)) {
				return $path;
			}
		}
		return null;
	}

	/** The bold face beside the regular one, or the regular one. */
	public function bold(): ?string {
		$regular = $this->regular();
		if ($regular === null) {
			return null;
		}
		$bold = str_replace(['-Regular.ttf', 'DejaVuSans.ttf'], ['-Bold.ttf', 'DejaVuSans-Bold.ttf'], $regular);
		return is_readable($bold) ? $bold : $regular;
	}
}
