<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Model;

/** One document: a title page and a sequence of blocks. */
final class Document {
	/**
	 * @param string $language 'de' | 'en' (document language, for metadata)
	 * @param list<Block> $blocks
	 */
	public function __construct(
		public readonly TitlePage $titlePage,
		public readonly string $language,
		public array $blocks = [],
	) {
	}

	public function add(Block $block): self {
		$this->blocks[] = $block;
		return $this;
	}
}
