<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

/** Sheet names that spreadsheets accept: at most 31 characters, none of []:*?/\, unique, not empty. */
final class SheetNames {
	/** @var array<string, true> lower-cased names in use */
	private array $used = [];

	public function next(string $name): string {
		$name = trim(preg_replace('/[\s\[\]:*?\/\\\\]+/u', ' ', Text::xml($name)) ?? '', " '");
		$name = $name === '' ? 'Sheet' : $name;
		$candidate = mb_substr($name, 0, 31);
		for ($i = 2; isset($this->used[mb_strtolower($candidate)]); $i++) {
			$suffix = ' (' . $i . ')';
			$candidate = mb_substr($name, 0, 31 - strlen($suffix)) . $suffix;
		}
		$this->used[mb_strtolower($candidate)] = true;
		return $candidate;
	}
}
