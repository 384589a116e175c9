<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Settings;

use OCA\PilotFeedback\AppInfo\Application;
use OCA\PilotFeedback\Common\Validator;
use OCA\PilotFeedback\Exception\ValidationException;

/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) that BITV 2.0 requires of a
 * public body's application: Markdown in German and English, the administrator's to edit,
 * and where to report a barrier. Until the administrator writes one, the shipped template of
 * the language is shown (statement/de.md, statement/en.md).
 *
 * @psalm-import-type PilotFeedbackAccessibilityStatement from \OCA\PilotFeedback\ResponseDefinitions
 * @psalm-import-type PilotFeedbackAccessibilitySettings from \OCA\PilotFeedback\ResponseDefinitions
 */
class AccessibilityStatement {
	public const LANGUAGES = ['de', 'en'];
	private const KEY_TEXT = 'accessibility_statement_';
	private const KEY_CONTACT = 'accessibility_contact';

	/** Read fresh in a cluster: a statement saved through one server holds on all at once (see FreshAppConfig). */
	public function __construct(
		private FreshAppConfig $appConfig,
	) {
	}

	/**
	 * The statement in the reader's language, else the other one's text, else the template.
	 *
	 * @return PilotFeedbackAccessibilityStatement
	 */
	public function forReader(string $languageCode): array {
		$language = str_starts_with(strtolower($languageCode), 'de') ? 'de' : 'en';
		$other = $language === 'de' ? 'en' : 'de';
		$own = $this->text($language);
		$text = $own !== '' ? $own : $this->text($other);
		return [
			'markdown' => $text !== '' ? $text : self::template($language),
			'contact' => $this->contact(),
		];
	}

	/** @return PilotFeedbackAccessibilitySettings */
	public function settings(): array {
		return [
			'statementDe' => $this->text('de'),
			'statementEn' => $this->text('en'),
			'contact' => $this->contact(),
			'templateDe' => self::template('de'),
			'templateEn' => self::template('en'),
		];
	}

	/**
	 * Saves what was sent; null keeps a value, an empty statement brings back the template.
	 *
	 * @return PilotFeedbackAccessibilitySettings
	 * @throws ValidationException a text too long or with control characters, or a contact that is no e-mail address or https URL
	 */
	public function update(mixed $statementDe, mixed $statementEn, mixed $contact): array {
		$texts = [
			'de' => $statementDe === null ? null : Validator::optionalText($statementDe, 'Accessibility statement (German)'),
			'en' => $statementEn === null ? null : Validator::optionalText($statementEn, 'Accessibility statement (English)'),
		];
		$contactValue = $contact === null ? null : self::validContact($contact);
		$config = $this->appConfig->write();
		foreach ($texts as $language => $text) {
			if ($text !== null) {
				$config->setValueString(Application::APP_ID, self::KEY_TEXT . $language, $text);
			}
		}
		if ($contactValue !== null) {
			$config->setValueString(Application::APP_ID, self::KEY_CONTACT, $contactValue);
		}
		return $this->settings();
	}

	/** The shipped template of a language. */
	public static function template(string $language): string {
		$file = __DIR__ . '/statement/' . (in_array($language, self::LANGUAGES, true) ? $language : 'en') . '.md';
		return trim((string)file_get_contents($file));
	}

	private function text(string $language): string {
		return $this->appConfig->read()->getValueString(Application::APP_ID, self::KEY_TEXT . $language, '');
	}

	private function contact(): string {
		return $this->appConfig->read()->getValueString(Application::APP_ID, self::KEY_CONTACT, '');
	}

	/** An e-mail address or an https URL where a barrier is reported; empty for none. */
	private static function validContact(mixed $contact): string {
		$value = Validator::optionalLine($contact, 'Contact for reporting a barrier');
		if ($value === '' || filter_var($value, FILTER_VALIDATE_EMAIL) !== false) {
			return $value;
		}
		try {
			return Validator::optionalHttpsUrl($value, 'Contact for reporting a barrier');
		} catch (ValidationException) {
			throw ValidationException::field('%1$s must be an e-mail address or a web address beginning with https://.', 'Contact for reporting a barrier');
		}
	}
}
