<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Catalogue;

/**
 * The texts of the default catalogue in English and German. DefaultCatalogueService installs
 * them; the 0.4.0 migration gives existing default records their German texts from here.
 * Components are named after their products, the same in both languages.
 */
final class DefaultCatalogueTexts {
	/** key => [English title, German title, English description, German description, status] */
	public const PILOTS = [
		'poc1' => [
			'PoC 1 File-Sharing & WebOffice', 'PoC 1 Filesharing & WebOffice',
			'File sharing and web office in the browser.', 'Dateiablage, Dateifreigabe und Web-Office im Browser.',
			'active',
		],
		'poc2' => [
			'PoC 2 Messaging incl. Audio/Video', 'PoC 2 Messaging inkl. Audio/Video',
			'Messaging including audio and video conferencing.', 'Messaging einschließlich Audio- und Videokonferenzen.',
			'active',
		],
		'poc3' => [
			'PoC 3 whole stack', 'PoC 3 Gesamtsystem',
			'The whole stack: file sharing, web office, messaging, groupware, identity provider and portal.',
			'Das Gesamtsystem: Dateiablage, Web-Office, Messaging, Groupware, Identitätsverwaltung und Portal.',
			'planned',
		],
	];

	/** name => [category, product, pilots] */
	public const COMPONENTS = [
		'Nextcloud' => ['filesharing', 'Nextcloud Hub', ['poc1', 'poc3']],
		'ownCloud' => ['filesharing', 'ownCloud', ['poc1', 'poc3']],
		'OnlyOffice' => ['weboffice', 'ONLYOFFICE Docs', ['poc1', 'poc3']],
		'Jitsi' => ['messaging', 'Jitsi Meet', ['poc2', 'poc3']],
		'Matrix/Element' => ['messaging', 'Element (Matrix)', ['poc2', 'poc3']],
		'Nextcloud Talk' => ['messaging', 'Nextcloud Talk', ['poc2', 'poc3']],
		'Open-Xchange' => ['groupware', 'OX App Suite', ['poc3']],
		'Keycloak' => ['identity', 'Keycloak', ['poc3']],
		'Portal' => ['portal', 'Workplace portal', ['poc3']],
	];

	/** English name => [German name, English description, German description] */
	public const CRITERIA = [
		'Usability' => ['Bedienbarkeit', 'How easy and pleasant the component is to use.', 'Wie einfach und angenehm sich die Komponente bedienen lässt.'],
		'Functionality' => ['Funktionalität', 'Whether the component does what the work needs.', 'Ob die Komponente leistet, was die Arbeit erfordert.'],
		'Stability' => ['Stabilität', 'How reliably the component runs without errors or outages.', 'Wie zuverlässig die Komponente ohne Fehler und Ausfälle läuft.'],
		'Performance' => ['Leistung', 'How fast the component responds under normal use.', 'Wie schnell die Komponente bei normaler Nutzung reagiert.'],
		'Accessibility' => ['Barrierefreiheit', 'How well the component serves people with disabilities (BITV 2.0).', 'Wie gut die Komponente Menschen mit Behinderungen dient (BITV 2.0).'],
		'Integration' => ['Integration', 'How well the component works with the rest of the workplace.', 'Wie gut die Komponente mit dem übrigen Arbeitsplatz zusammenarbeitet.'],
	];

	/**
	 * The German texts of the default records, per table, by English name: what the migration
	 * and a repeated install fill in where the German text is still empty.
	 *
	 * @return list<array{table: string, nameColumn: string, english: string, german: string, englishDescription: string, germanDescription: string}>
	 */
	public static function germanTexts(): array {
		$texts = [];
		foreach (self::PILOTS as [$title, $titleDe, $description, $descriptionDe]) {
			$texts[] = ['table' => 'pf_pilots', 'nameColumn' => 'title', 'english' => $title, 'german' => $titleDe, 'englishDescription' => $description, 'germanDescription' => $descriptionDe];
		}
		foreach (self::CRITERIA as $name => [$nameDe, $description, $descriptionDe]) {
			$texts[] = ['table' => 'pf_criteria', 'nameColumn' => 'name', 'english' => $name, 'german' => $nameDe, 'englishDescription' => $description, 'germanDescription' => $descriptionDe];
		}
		return $texts;
	}
}
