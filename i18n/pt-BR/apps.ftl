## A página “Aplicativos”: aplicativos Flatpak, como instalá-los, atualizá-los e removê-los, e suas permissões.

apps-title = Aplicativos
    .keywords = aplicativos;apps;programas;software;instalar;desinstalar;remover;atualizar;atualização;atualizações;permissões;sandbox;isolamento;portal;loja;flatpak;flathub;applications;install;uninstall;remove;update;updates;permissions;store

apps-installed = Aplicativos instalados
apps-none-installed = Nenhum aplicativo está instalado.
apps-unreadable = Não é possível ler os aplicativos instalados
apps-installation-user = Para você
apps-installation-system = Para todos neste computador
apps-version = Versão { $version }
apps-origin = De { $remote }
apps-installed-size = Ocupa { $size }
apps-data-size = Seus dados: { $size }
apps-data-size-unknown = Seus dados: tamanho desconhecido
apps-being-changed = Uma alteração deste aplicativo está em andamento.
apps-open = Abrir
apps-open-failed = Não foi possível abrir { $app }.
apps-permissions = Permissões
apps-update = Atualizar
apps-remove = Remover
apps-close = Fechar
apps-retry = Tentar novamente
apps-bullet = • { $line }

## Atualizações

apps-check = Procurar atualizações
apps-update-all = Atualizar tudo
apps-updates-checking = Procurando atualizações…
apps-updates-count = { $count ->
    [0] Todos os aplicativos estão atualizados.
    [one] Uma atualização está disponível.
    [many] { $count } de atualizações estão disponíveis.
   *[other] { $count } atualizações estão disponíveis.
}
apps-updates-failed = Não foi possível procurar atualizações. { $reason }
apps-update-available = Uma atualização está disponível.
apps-update-wider = Uma atualização está disponível. Ela pede mais permissões.
apps-held-question = A atualização de { $app } pede mais permissões
apps-held-explain = Ela fica retida até você aceitar. A nova versão pede:
apps-held-accept = Aceitar e atualizar
apps-held-decline = Agora não

## Remoção

apps-remove-question = Remover { $app }?
apps-remove-explain = O aplicativo será removido deste computador. Você pode instalá-lo de novo depois.
apps-remove-data = Apagar também os dados dele
    .description = As configurações e os arquivos na pasta própria dele também são apagados.
apps-remove-cancel = Manter
apps-remove-confirm = Remover

## Uma alteração em andamento e como terminou

apps-job-install = Instalando { $app }
apps-job-update = Atualizando { $app }
apps-job-remove = Removendo { $app }
apps-step-starting = Iniciando…
apps-step = Etapa { $index } de { $count }: { $kind ->
    [install] instalando
    [update] atualizando
   *[uninstall] removendo
} { $part ->
    [runtime] o runtime de que ele precisa
   *[app] o aplicativo
}
apps-progress = { $job }: { $percent }%.
apps-progress-bytes = { $size } baixados.
apps-queued = { $count ->
    [one] Mais uma alteração está aguardando.
    [many] Mais { $count } de alterações estão aguardando.
   *[other] Mais { $count } alterações estão aguardando.
}
apps-cancel = Cancelar
apps-cancelling = Cancelando…
apps-ended-done = { $kind ->
    [install] { $app } foi instalado.
    [update] { $app } foi atualizado.
   *[remove] { $app } foi removido.
}
apps-ended-update-running = { $app } ainda está aberto na versão anterior; a atualização vale quando você fechá-lo e abri-lo de novo.
apps-ended-remove-running = { $app } ainda está aberto e continua funcionando até você fechá-lo.
apps-ended-cancelled = { $kind ->
    [install] A instalação de { $app } foi cancelada. Nada foi instalado.
    [update] A atualização de { $app } foi cancelada. A versão instalada não mudou.
   *[remove] A remoção de { $app } foi cancelada.
}
apps-ended-failed = { $kind ->
    [install] { $app } não foi instalado.
    [update] { $app } não foi atualizado.
   *[remove] { $app } não foi removido.
}

## Instalação

apps-install = Instalar aplicativos
apps-search-label = Pesquisar nas fontes de aplicativos
apps-search = Pesquisar
apps-searching = Pesquisando…
apps-search-none = Nenhum aplicativo corresponde a “{ $query }”.
apps-search-remote-failed = Não foi possível pesquisar em { $remote }.
apps-details = Detalhes
apps-already-installed = Já instalado
apps-download-size = Download: { $size }
apps-asks-for = Ele pede:
apps-install-button = Instalar

## Fontes de aplicativos

apps-remotes = Fontes de aplicativos
apps-remotes-none = Nenhuma fonte de aplicativos está configurada.
apps-remote-disabled = Desativada
apps-remote-add-title = Adicionar uma fonte de aplicativos
apps-remote-add-explain = As fontes de aplicativos publicam um arquivo .flatpakrepo. A chave de assinatura dele é sempre verificada.
apps-remote-path = Caminho do arquivo .flatpakrepo
apps-remote-name = Nome (vazio: o do arquivo)
apps-remote-add = Adicionar fonte
apps-remote-adding = Adicionando…
apps-remote-added = A fonte de aplicativos { $remote } foi adicionada.
apps-remote-error-no-path = Digite o caminho de um arquivo .flatpakrepo.
apps-remote-error-unreadable = Não foi possível ler o arquivo.
apps-remote-error-too-large = O arquivo é grande demais para ser um arquivo .flatpakrepo.

## As permissões de um aplicativo

apps-permissions-title = Permissões de { $app }
apps-permissions-explain = O que o aplicativo pode usar. Sua escolha vale para este aplicativo, só para você; “Padrão do app” mantém o que dizem o aplicativo e as outras configurações.
apps-permissions-reset = Restaurar os padrões do aplicativo
apps-permissions-saving = Salvando…
apps-permissions-write-failed = A alteração não foi salva. { $reason }
apps-choice-default = Padrão do app
apps-choice-allow = Permitir
apps-choice-deny = Negar
apps-row-state = { $value } — { $source }
apps-source = { $layer ->
    [app] padrão do aplicativo
    [system-global] definido para todos os aplicativos deste computador
    [system-app] definido para este aplicativo neste computador
    [user-global] sua configuração para todos os aplicativos
    [user-app] sua configuração para este aplicativo
   *[none] não solicitado
}
apps-value-allowed = Permitido
apps-value-denied = Não permitido
apps-value-not-asked = Não permitido
apps-value-access = { $access ->
    [ro] Somente leitura
    [rw] Leitura e gravação
    [create] Leitura e gravação, criada se não existir
   *[denied] Não permitido
}
apps-value-bus = { $policy ->
    [see] Pode vê-lo
    [talk] Pode falar com ele
    [own] Pode ser dono do nome
   *[none] Não permitido
}
apps-value-environment = Definida como “{ $value }”
apps-perm-line = { $permission }: { $value }
apps-perm-nothing = Ele não pede nenhuma permissão.
apps-perm-shared = { $word ->
    [network] Usar a rede
    [ipc] Compartilhar memória com outros programas
   *[other] Compartilhar “{ $word }” com este computador
}
apps-perm-socket = { $word ->
    [wayland] Mostrar janelas
    [x11] Mostrar janelas pelo X11
    [fallback-x11] Mostrar janelas pelo X11 quando não houver Wayland
    [pulseaudio] Reproduzir e gravar som
    [session-bus] Falar com todos os programas da sua sessão
    [system-bus] Falar com todos os serviços deste computador
    [ssh-auth] Usar suas chaves SSH
    [pcsc] Usar cartões inteligentes
    [cups] Imprimir
    [gpg-agent] Usar suas chaves GPG
   *[other] Usar o socket “{ $word }”
}
apps-perm-device = { $word ->
    [dri] Usar a placa de vídeo
    [input] Ler dispositivos de entrada
    [usb] Usar dispositivos USB
    [kvm] Executar máquinas virtuais
    [shm] Compartilhar memória por /dev/shm
    [all] Usar todos os dispositivos, como câmeras e microfones
   *[other] Usar o dispositivo “{ $word }”
}
apps-perm-feature = { $word ->
    [devel] Usar ferramentas de depuração
    [multiarch] Executar programas feitos para outros processadores
    [bluetooth] Usar Bluetooth
    [canbus] Usar dispositivos de barramento CAN
    [per-app-dev-shm] Ter sua própria memória compartilhada
   *[other] Usar o recurso “{ $word }”
}
apps-perm-filesystem = { $path ->
    [host] Todos os arquivos deste computador
    [host-os] Os programas e bibliotecas do sistema
    [host-etc] As configurações do sistema
    [home] Sua pasta pessoal
    [xdg-download] Sua pasta Downloads
    [xdg-documents] Sua pasta Documentos
    [xdg-music] Sua pasta Músicas
    [xdg-pictures] Sua pasta Imagens
    [xdg-videos] Sua pasta Vídeos
    [xdg-desktop] Sua pasta Área de trabalho
   *[other] A pasta { $path }
}
apps-perm-session-bus = Falar com { $name }
apps-perm-system-bus = Falar com o serviço do sistema { $name }
apps-perm-environment = A variável { $name }

## Permissões dadas pelos portais

apps-portal-title = Permitido quando pediu
apps-portal-none = Nada foi permitido ao aplicativo quando ele pediu.
apps-portal = { $permission ->
    [notifications] Mostrar notificações
    [background] Executar em segundo plano
    [camera] Usar a câmera
    [microphone] Usar o microfone
    [speakers] Reproduzir som
    [location] Saber sua localização
   *[screenshot] Fazer capturas de tela
}
apps-portal-other = { $table }: { $id }
apps-portal-state = { $granted ->
    [yes] { $permission }: permitido
   *[no] { $permission }: não permitido
}
apps-revoke = Revogar
apps-revoke-failed = Não foi possível revogar a permissão. { $reason }

## Falhas

apps-error-not-installed = O aplicativo não está instalado.
apps-error-already-installed = O aplicativo já está instalado.
apps-error-unsigned = A fonte de aplicativos não tem chave de assinatura, então não foi possível verificar o que ela oferece. Ela não foi adicionada.
apps-error-already-exists = Já existe uma fonte de aplicativos com esse nome.
apps-error-not-found = A fonte de aplicativos não oferece isso.
apps-error-unreachable = Não foi possível acessar a fonte de aplicativos. Verifique se este computador está on-line.
apps-error-signature = O que a fonte de aplicativos enviou não está assinado com a chave dela, por isso foi recusado. Nada foi instalado.
apps-error-cancelled = A operação foi cancelada.
apps-error-permission-denied = Isso não foi permitido.
apps-error-no-space = Não há espaço suficiente no disco.
apps-error-app-running = O aplicativo está aberto. Feche-o e tente novamente.
apps-error-permission-store = O armazenamento de permissões não está em execução. Tente novamente daqui a pouco.
apps-error-permission-store-hung = O armazenamento de permissões não respondeu a tempo. Tente novamente para ler o que ele guarda.
apps-error-system-helper = O serviço de sistema do Flatpak não está em execução, então os aplicativos para todos neste computador não podem ser alterados agora. Nada foi alterado. Tente novamente daqui a pouco.
apps-error-worker = O Flatpak não está funcionando no momento. A página tentará de novo sozinha.
apps-error-other = O Flatpak não conseguiu fazer isso.
