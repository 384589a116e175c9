<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Db\Component;
use OCA\PilotFeedback\Db\Criterion;
use OCA\PilotFeedback\Db\Pilot;
use OCP\L10N\IFactory;

/**
 * The one place that decides in which language a pilot's title, a component's or a
 * criterion's name and their descriptions are shown. Each has an English and a German text;
 * a reader whose language starts with "de" reads the German one, everyone else the English
 * one, and an empty text falls back to the other language. The API's `name`/`title` and
 * `description` fields, the dashboard, notifications and the documents all read through here.
 */
class CatalogueNames {
	public const EN = 'en';
	public const DE = 'de';

	public function __construct(
		private IFactory $l10nFactory,
	) {
	}

	/** 'de' for a German-speaking language code (de, de_DE, de-AT …), else 'en'. */
	public static function languageOf(string $language): string {
		return str_starts_with(strtolower($language), 'de') ? self::DE : self::EN;
	}

	/** The text in the language, or the other one when that is empty; '' when both are. */
	public static function pick(string $language, ?string $english, ?string $german): string {
		$english = $english ?? '';
		$german = $german ?? '';
		if (self::languageOf($language) === self::DE) {
			return $german !== '' ? $german : $english;
		}
		return $english !== '' ? $english : $german;
	}

	/** The current reader's language ('de' or 'en'): the signed-in user's, else the server's default. */
	public function readerLanguage(): string {
		return self::languageOf($this->l10nFactory->findLanguage(Application::APP_ID));
	}

	public function pilotTitle(Pilot $pilot, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $pilot->getTitle(), $pilot->getTitleDe());
	}

	public function pilotDescription(Pilot $pilot, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $pilot->getDescription(), $pilot->getDescriptionDe());
	}

	public function componentName(Component $component, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $component->getName(), $component->getNameDe());
	}

	public function componentDescription(Component $component, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $component->getDescription(), $component->getDescriptionDe());
	}

	public function criterionName(Criterion $criterion, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $criterion->getName(), $criterion->getNameDe());
	}

	public function criterionDescription(Criterion $criterion, ?string $language = null): string {
		return self::pick($language ?? $this->readerLanguage(), $criterion->getDescription(), $criterion->getDescriptionDe());
	}
}
